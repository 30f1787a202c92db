package io.seqrec.trainer.cli;

import java.io.PrintWriter;
import java.util.Locale;

import io.seqrec.train.EpochReport;
import io.seqrec.train.TrainingListener;

/**
 * Prints RecBole's per-epoch lines ({@code epoch 3 training [time: 1.20s, train loss:
 * 512.3456]}, the evaluation line and the validation result), and a batch counter on an
 * interactive terminal.
 */
final class ConsoleProgress implements TrainingListener {

	private final PrintWriter out;

	private final PrintWriter err;

	private final boolean interactive;

	private final boolean showMemory;

	ConsoleProgress(PrintWriter out, PrintWriter err, boolean interactive, boolean showMemory) {
		this.out = out;
		this.err = err;
		this.interactive = interactive;
		this.showMemory = showMemory;
	}

	@Override
	public void onStart(long trainableParameters, int batchesPerEpoch) {
		if (trainableParameters > 0) {
			this.out.println("Trainable parameters: " + trainableParameters);
		}
		this.out.flush();
	}

	@Override
	public void onBatch(int epoch, int batch, int batches) {
		if (this.interactive) {
			this.err.printf(Locale.ROOT, "\repoch %d [%d/%d batches]", epoch, batch + 1, batches);
			if (batch + 1 == batches) {
				this.err.print("\r" + " ".repeat(40) + "\r");
			}
			this.err.flush();
		}
	}

	@Override
	public void onEpoch(EpochReport report) {
		this.out.printf(Locale.ROOT, "epoch %d training [time: %.2fs, train loss: %.4f]%n", report.epoch(),
				report.trainSeconds(), report.trainLoss());
		if (report.valid() != null) {
			this.out.printf(Locale.ROOT, "epoch %d evaluating [time: %.2fs, valid_score: %f]%n", report.epoch(),
					report.evalSeconds(), report.validScore());
			this.out.println("valid result: ");
			this.out.println(report.valid());
		}
		if (this.showMemory) {
			this.out.println(MemoryUsage.line(report.epoch()));
		}
		this.out.flush();
	}

}
