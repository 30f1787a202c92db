package io.seqrec.launcher;

import picocli.CommandLine;

import io.seqrec.launcher.bench.BenchCommand;
import io.seqrec.trainer.cli.SeqrecCommand;

/**
 * Entry point of {@code ./seqrec}: the trainer's offline commands plus {@code bench}.
 */
public final class Main {

	private Main() {
	}

	/**
	 * Runs a command and exits with its code.
	 * @param args the command line
	 */
	public static void main(String[] args) {
		if (System.getProperty("logback.configurationFile") == null) {
			System.setProperty("logback.configurationFile", "seqrec-cli-logback.xml");
		}
		if (System.getProperty("ai.djl.offline") == null) {
			System.setProperty("ai.djl.offline", "true");
		}
		CommandLine commandLine = SeqrecCommand.commandLine();
		commandLine.addSubcommand(new BenchCommand());
		commandLine.addSubcommand(new DemoCommand());
		System.exit(commandLine.execute(args));
	}

}
