package io.seqrec.parity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

import io.seqrec.data.BatchFields;
import io.seqrec.model.SequentialRecommender;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A parity fixture made by the reference RecBole's {@code dump.py} (see
 * {@code parity/make-fixtures.sh}): RecBole's weights ({@code weight/<state_dict name>}),
 * a test batch with its full-sort scores ({@code eval/...}) and a training batch with its
 * loss ({@code train/...}), read with DJL's {@code .npz} decoder.
 */
final class RecBoleFixture implements AutoCloseable {

	private static final Pattern INDEX_PREFIX = Pattern.compile("(^|_)\\d{2}(?=[a-zA-Z])");

	private final NDManager manager;

	private final NDList arrays;

	private RecBoleFixture(NDManager manager, NDList arrays) {
		this.manager = manager;
		this.arrays = arrays;
	}

	/**
	 * Reads a fixture from the test resources.
	 * @param name the file name under {@code parity/}
	 * @return the fixture (close it to free its arrays)
	 */
	static RecBoleFixture load(String name) {
		NDManager manager = NDManager.newBaseManager();
		try (InputStream in = RecBoleFixture.class.getResourceAsStream("/parity/" + name)) {
			assertThat(in).as("fixture parity/" + name).isNotNull();
			return new RecBoleFixture(manager, NDList.decode(manager, in));
		}
		catch (IOException ex) {
			manager.close();
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * An array of the fixture.
	 * @param name its name, such as {@code eval/scores}
	 * @return the array
	 */
	NDArray get(String name) {
		NDArray array = this.arrays.get(name);
		assertThat(array).as("array " + name).isNotNull();
		return array;
	}

	/**
	 * A scalar of the fixture as a double.
	 * @param name its name, such as {@code train/loss}
	 * @return the value
	 */
	double scalar(String name) {
		return get(name).toType(DataType.FLOAT64, false).getDouble();
	}

	/**
	 * An integer field as int64, named as seqrec's batches name it.
	 * @param name the fixture's name, such as {@code eval/item_id_list}
	 * @param as the batch field name
	 * @return a new array in the fixture's manager
	 */
	NDArray field(String name, String as) {
		NDArray array = get(name).toType(DataType.INT64, true);
		array.setName(as);
		return array;
	}

	/**
	 * Scores RecBole's test batch ({@code eval/item_id_list}, {@code eval/item_length})
	 * with a seqrec model and compares them with RecBole's ({@code eval/scores}).
	 * @param model the model with RecBole's weights loaded
	 * @return the largest absolute score difference
	 */
	double largestScoreDifference(SequentialRecommender model) {
		NDList test = new NDList(field("eval/item_id_list", BatchFields.ITEM_SEQ),
				field("eval/item_length", BatchFields.ITEM_SEQ_LEN));
		NDArray scores = model.fullSortPredict(new ParameterStore(this.manager, false), test);
		NDArray expected = get("eval/scores");
		assertThat(scores.getShape()).as("scores").isEqualTo(expected.getShape());
		return scores.sub(expected).abs().max().getFloat();
	}

	/**
	 * The fixture's manager, for the arrays of a test.
	 * @return the manager
	 */
	NDManager manager() {
		return this.manager;
	}

	/**
	 * Copies RecBole's weights into an initialized seqrec model: every parameter of the
	 * model must find its RecBole tensor, with the same shape, and every RecBole weight
	 * must be used.
	 * @param model the initialized model
	 * @param names RecBole's name of a seqrec parameter, given the parameter's name
	 * without DJL's child-index prefixes (as {@link #plainName} makes it)
	 */
	void loadWeights(SequentialRecommender model, Function<String, String> names) {
		Set<String> used = new HashSet<>();
		for (Pair<String, Parameter> pair : model.getParameters()) {
			String recbole = "weight/" + names.apply(plainName(pair.getKey()));
			NDArray source = get(recbole);
			NDArray target = pair.getValue().getArray();
			assertThat(source.getShape()).as(pair.getKey() + " <- " + recbole).isEqualTo(target.getShape());
			target.set(source.toFloatArray());
			used.add(recbole);
		}
		for (NDArray array : this.arrays) {
			if (array.getName().startsWith("weight/")) {
				assertThat(used).as("RecBole weight without a seqrec parameter").contains(array.getName());
			}
		}
	}

	/**
	 * A DJL parameter name without the two-digit child indices DJL prefixes:
	 * {@code 05trm_encoder_01layer_0_attention_01query_weight} becomes
	 * {@code trm_encoder_layer_0_attention_query_weight}.
	 * @param name the DJL name
	 * @return the plain name
	 */
	static String plainName(String name) {
		Matcher matcher = INDEX_PREFIX.matcher(name);
		return matcher.replaceAll("$1");
	}

	/**
	 * RecBole's names of the transformer parts shared by SASRec, BERT4Rec and FEARec:
	 * {@code trm_encoder.layer.<i>.multi_head_attention.*},
	 * {@code trm_encoder.layer.<i>.feed_forward.*}, {@code LayerNorm.weight|bias},
	 * embeddings and linear layers {@code <name>.weight|bias}.
	 * @param plain a plain seqrec name
	 * @return the RecBole name
	 */
	static String transformerName(String plain) {
		return plain.replaceAll("^trm_encoder_layer_(\\d+)_attention_", "trm_encoder.layer.$1.multi_head_attention.")
			.replaceAll("^trm_encoder_layer_(\\d+)_feed_forward_", "trm_encoder.layer.$1.feed_forward.")
			.replaceAll("layer_norm_gamma$", "LayerNorm.weight")
			.replaceAll("layer_norm_beta$", "LayerNorm.bias")
			.replaceAll("_(weight|bias)$", ".$1");
	}

	@Override
	public void close() {
		this.manager.close();
	}

}
