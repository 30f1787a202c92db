package io.seqrec.launcher.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a second JVM that runs a main class of this classpath: from the IDE
 * or the build's classpath as is, and from the executable jar through Boot's launcher,
 * which opens the jar's nested jars.
 */
public final class ChildJvm {

	private ChildJvm() {
	}

	/**
	 * A command that runs a main class.
	 * @param main the main class
	 * @param jvmOptions options of the JVM ({@code -Xmx...})
	 * @param args the program's arguments
	 * @return the command
	 */
	public static List<String> command(Class<?> main, List<String> jvmOptions, List<String> args) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		if (ChildJvm.class.getClassLoader().getClass().getName().startsWith("org.springframework.boot")) {
			command.add("-Dloader.main=" + main.getName());
			command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
		}
		else {
			command.add(main.getName());
		}
		command.addAll(args);
		return command;
	}

}
