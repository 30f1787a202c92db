package io.seqrec.trainer.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import io.seqrec.artifact.ArtifactException;
import io.seqrec.config.ConfigException;
import io.seqrec.data.DataException;

/**
 * The {@code seqrec} command and its error policy: bad input (a missing or malformed
 * file, an unknown model or key, empty data) ends with one line on standard error and
 * exit code 2; anything else is an internal error with its stack trace and exit code 1.
 */
@Command(name = "seqrec", mixinStandardHelpOptions = true, version = "seqrec 0.1.0",
		description = "Sequential recommendation, RecBole-faithful, on the JVM.",
		subcommands = { TrainCommand.class, EvaluateCommand.class, TuneCommand.class, CommandLine.HelpCommand.class })
public final class SeqrecCommand implements Runnable {

	/** Exit code of bad input. */
	public static final int BAD_INPUT = 2;

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(),
				"a command is required: train, evaluate or tune");
	}

	/**
	 * The configured command line.
	 * @return picocli's command line with seqrec's error handling
	 */
	public static CommandLine commandLine() {
		CommandLine commandLine = new CommandLine(new SeqrecCommand());
		commandLine.setParameterExceptionHandler((ex, args) -> {
			PrintWriter err = ex.getCommandLine().getErr();
			err.println("error: " + ex.getMessage() + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName()
					+ " --help')");
			err.flush();
			return BAD_INPUT;
		});
		commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
			if (isBadInput(ex)) {
				cmd.getErr().println("error: " + ex.getMessage());
				cmd.getErr().flush();
				return BAD_INPUT;
			}
			throw ex;
		});
		return commandLine;
	}

	static boolean isBadInput(Throwable ex) {
		return ex instanceof DataException || ex instanceof ConfigException || ex instanceof ArtifactException
				|| ex instanceof IllegalArgumentException;
	}

}
