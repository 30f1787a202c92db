package io.seqrec.data;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class VocabularyTests {

	@Test
	void padIsIdZeroAndTokensFollowInOrder() {
		Vocabulary vocabulary = Vocabulary.of(List.of("b", "a", "c"));
		assertThat(vocabulary.size()).isEqualTo(4);
		assertThat(vocabulary.token(0)).isEqualTo(Vocabulary.PAD);
		assertThat(vocabulary.token(1)).isEqualTo("b");
		assertThat(vocabulary.id("a")).hasValue(2);
		assertThat(vocabulary.id(Vocabulary.PAD)).hasValue(0);
		assertThat(vocabulary.id("zz")).isEmpty();
		assertThat(vocabulary.idOf("c")).isEqualTo(3);
		assertThat(vocabulary.idOf("zz")).isEqualTo(-1);
		assertThat(vocabulary.tokens()).containsExactly("b", "a", "c");
	}

	@Test
	void roundTripsThroughTokens() {
		Vocabulary vocabulary = Vocabulary.of(List.of("x", "y"));
		Vocabulary rebuilt = Vocabulary.of(vocabulary.tokens());
		assertThat(rebuilt.tokens()).isEqualTo(vocabulary.tokens());
		assertThat(rebuilt.idOf("y")).isEqualTo(2);
	}

	@Test
	void duplicatesAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Vocabulary.of(List.of("a", "b", "a")));
	}

}
