package io.seqrec.trainer.cli;

/**
 * Entry point of the {@code seqrec} command line. It fixes the JVM-wide settings that
 * must be in place before any logger or engine starts (CLI logging configuration, offline
 * DJL), then hands over to picocli.
 */
public final class Main {

	private Main() {
	}

	/**
	 * Runs a command and exits with its code.
	 * @param args the command line
	 */
	public static void main(String[] args) {
		System.exit(run(args));
	}

	/**
	 * Runs a command.
	 * @param args the command line
	 * @return the exit code: 0 success, 2 bad input, 1 internal error
	 */
	public static int run(String[] args) {
		if (System.getProperty("logback.configurationFile") == null) {
			System.setProperty("logback.configurationFile", "seqrec-cli-logback.xml");
		}
		if (System.getProperty("ai.djl.offline") == null) {
			System.setProperty("ai.djl.offline", "true");
		}
		return SeqrecCommand.commandLine().execute(args);
	}

}
