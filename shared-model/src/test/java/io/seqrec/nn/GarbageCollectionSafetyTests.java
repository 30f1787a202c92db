package io.seqrec.nn;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;

import io.seqrec.data.BatchFields;
import io.seqrec.data.SequenceBatch;
import io.seqrec.model.LossType;
import io.seqrec.model.ModelContext;
import io.seqrec.model.SASRec;
import io.seqrec.model.SASRecSettings;
import io.seqrec.model.TransformerSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gradients do not depend on the garbage collector. DJL makes a native scalar for
 * {@code x.mul(2f)} that aliases a Java direct buffer and closes it right after the
 * operation; autograd may keep it for backward, so a collection between forward and
 * backward would let backward read freed memory. Here the collector runs and the freed
 * memory is overwritten with NaN bytes between forward and backward.
 */
class GarbageCollectionSafetyTests {

	@Test
	void backwardAfterAGarbageCollectionGivesTheSameGradients() throws InterruptedException {
		for (LossType loss : new LossType[] { LossType.CE, LossType.BPR }) {
			List<float[]> quiet = gradients(loss, false);
			List<float[]> collected = gradients(loss, true);
			for (int i = 0; i < quiet.size(); i++) {
				assertThat(collected.get(i)).as(loss + " parameter " + i).containsExactly(quiet.get(i));
			}
		}
	}

	private static List<float[]> gradients(LossType loss, boolean collectBeforeBackward) throws InterruptedException {
		Engine.getInstance().setRandomSeed(5);
		try (NDManager manager = NDManager.newBaseManager()) {
			SASRec model = new SASRec(new ModelContext(40, 6, null), new SASRecSettings(
					new TransformerSettings(2, 2, 16, 32, 0f, 0f, HiddenActivation.GELU, 1e-12f, 0.02f), loss));
			model.initialize(manager, DataType.FLOAT32, model.initializationShapes());
			ParameterStore ps = new ParameterStore(manager, false);
			try (NDManager batchManager = manager.newSubManager()) {
				NDList batch = new SequenceBatch(2)
					.put(BatchFields.ITEM_SEQ, new int[] { 3, 4, 5, 0, 0, 0, 7, 8, 9, 10, 11, 12 }, 2, 6)
					.put(BatchFields.ITEM_SEQ_LEN, new int[] { 3, 6 }, 2)
					.put(BatchFields.POS_ITEM, new int[] { 6, 13 }, 2)
					.put(BatchFields.NEG_ITEM, new int[] { 20, 21 }, 2)
					.toNDList(batchManager);
				try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
					NDArray value = model.calculateLoss(ps, batch);
					if (collectBeforeBackward) {
						overwriteFreedDirectMemory();
					}
					collector.backward(value);
				}
			}
			List<float[]> gradients = new ArrayList<>();
			for (Pair<String, Parameter> pair : model.getParameters()) {
				gradients.add(pair.getValue().getArray().getGradient().toFloatArray());
			}
			return gradients;
		}
	}

	private static void overwriteFreedDirectMemory() throws InterruptedException {
		for (int round = 0; round < 3; round++) {
			System.gc();
			Thread.sleep(50);
		}
		List<ByteBuffer> filler = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			ByteBuffer buffer = ByteBuffer.allocateDirect(4 + (i % 16) * 4);
			while (buffer.hasRemaining()) {
				buffer.put((byte) 0xFF);
			}
			filler.add(buffer);
		}
		assertThat(filler).hasSize(20_000);
	}

	@Test
	void scalarsOutliveTheOperation() {
		try (NDManager manager = NDManager.newBaseManager()) {
			NDArray x = manager.create(new float[] { 1, 2 }, new Shape(2));
			assertThat(Scalars.mul(x, 3f).toFloatArray()).containsExactly(3f, 6f);
			assertThat(Scalars.add(x, 0.5f).toFloatArray()).containsExactly(1.5f, 2.5f);
		}
	}

}
