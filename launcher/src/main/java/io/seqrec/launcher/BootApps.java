package io.seqrec.launcher;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a service's Spring Boot application inside the launcher's process.
 */
public final class BootApps {

	private BootApps() {
	}

	/**
	 * Runs an application with settings given as command-line arguments, which win over
	 * its configuration file (each service has its own name for it, so that the three
	 * share this classpath without reading one another's). Logging follows the command
	 * line's configuration (warnings and errors to standard error), not the service's
	 * console defaults.
	 * @param application the application class
	 * @param configName the service's configuration file name(s), its {@code CONFIG_NAME}
	 * @param web whether it serves HTTP
	 * @param settings {@code key=value} settings
	 * @return the running context
	 */
	public static ConfigurableApplicationContext run(Class<?> application, String configName, boolean web,
			String... settings) {
		// Boot configures logging itself and warns about logback's own property: hand it
		// over
		System.clearProperty("logback.configurationFile");
		List<String> args = new ArrayList<>();
		args.add("--logging.config=classpath:seqrec-cli-logback.xml");
		args.add("--spring.config.name=" + configName + ",application");
		args.add("--spring.main.banner-mode=off");
		// JNA's cleaner thread (DJL's natives) outlives every service in this JVM; Tomcat
		// would report it as a leak of whichever service stops
		args.add("--logging.level.org.apache.catalina.loader.WebappClassLoaderBase=error");
		args.add("--spring.jmx.enabled=false");
		// whoever starts a service stops it (Platform.close, with a deadline at Ctrl-C);
		// Boot's own hook would wait for every context without one
		args.add("--spring.main.register-shutdown-hook=false");
		for (String setting : settings) {
			args.add("--" + setting);
		}
		return new SpringApplicationBuilder(application).web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
			.logStartupInfo(false)
			.run(args.toArray(String[]::new));
	}

}
