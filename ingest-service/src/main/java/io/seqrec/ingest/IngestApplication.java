package io.seqrec.ingest;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point of the seqrec ingest service.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestApplication {

	/**
	 * The name of the service's configuration file, {@code ingest-service.yaml}: unique,
	 * so that the services can share one classpath (as in {@code seqrec demo}). An
	 * operator's {@code application.yaml} is still read after it and wins.
	 */
	public static final String CONFIG_NAME = "ingest-service";

	public static void main(String[] args) {
		new SpringApplicationBuilder(IngestApplication.class)
			.properties("spring.config.name=" + CONFIG_NAME + ",application")
			.run(args);
	}

}
