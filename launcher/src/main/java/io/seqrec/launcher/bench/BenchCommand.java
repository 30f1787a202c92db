package io.seqrec.launcher.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import io.seqrec.launcher.bench.faults.FaultsBenchmark;

/**
 * {@code seqrec bench}: the benchmarks.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark and print its figures.",
		subcommands = { IngestBenchmark.class, TrainerBenchmark.class, RankerBenchmark.class, FreshnessBenchmark.class,
				FaultsBenchmark.class })
public final class BenchCommand implements Runnable {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(),
				"choose a benchmark: ingest, trainer, ranker, freshness or faults");
	}

}
