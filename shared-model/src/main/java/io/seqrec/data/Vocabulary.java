package io.seqrec.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Token to dense id, as RecBole's remapping: id {@code 0} is the padding token
 * {@value #PAD}, real tokens get ids {@code 1..n} in order of first appearance.
 */
public final class Vocabulary {

	/** RecBole's padding token, id 0. */
	public static final String PAD = "[PAD]";

	private final List<String> tokens;

	private final Map<String, Integer> ids;

	private Vocabulary(List<String> tokens) {
		this.tokens = tokens;
		this.ids = new HashMap<>(tokens.size() * 2);
		for (int id = 0; id < tokens.size(); id++) {
			// later ids win, as RecBole's {token: id} dict (a real token "[PAD]" shadows
			// id 0)
			this.ids.put(tokens.get(id), id);
		}
	}

	/**
	 * Rebuilds a vocabulary, for example from a model artifact.
	 * @param tokensInIdOrderWithoutPad the real tokens, token of id 1 first
	 * @return the vocabulary
	 * @throws IllegalArgumentException if a token appears twice
	 */
	public static Vocabulary of(List<String> tokensInIdOrderWithoutPad) {
		List<String> all = new ArrayList<>(tokensInIdOrderWithoutPad.size() + 1);
		all.add(PAD);
		all.addAll(tokensInIdOrderWithoutPad);
		if (new HashSet<>(tokensInIdOrderWithoutPad).size() != tokensInIdOrderWithoutPad.size()) {
			throw new IllegalArgumentException("vocabulary tokens are not distinct");
		}
		return new Vocabulary(Collections.unmodifiableList(all));
	}

	/**
	 * Returns the number of ids, padding included.
	 * @return distinct tokens + 1
	 */
	public int size() {
		return this.tokens.size();
	}

	/**
	 * Returns the token of an id.
	 * @param id an id in {@code [0, size())}
	 * @return the token ({@value #PAD} for 0)
	 */
	public String token(int id) {
		return this.tokens.get(id);
	}

	/**
	 * Looks a token up.
	 * @param token the token
	 * @return its id, or empty if unknown
	 */
	public OptionalInt id(String token) {
		Integer id = this.ids.get(token);
		return (id != null) ? OptionalInt.of(id) : OptionalInt.empty();
	}

	/**
	 * Looks a token up without boxing.
	 * @param token the token
	 * @return its id, or {@code -1} if unknown
	 */
	public int idOf(String token) {
		Integer id = this.ids.get(token);
		return (id != null) ? id : -1;
	}

	/**
	 * Returns the real tokens in id order, without padding (the argument of {@link #of}).
	 * @return the tokens of ids {@code 1..size()-1}
	 */
	public List<String> tokens() {
		return this.tokens.subList(1, this.tokens.size());
	}

	@Override
	public String toString() {
		return "Vocabulary[size=" + size() + "]";
	}

}
