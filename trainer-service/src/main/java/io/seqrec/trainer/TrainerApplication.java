package io.seqrec.trainer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point of the seqrec trainer service: scheduled retraining from Redis and the
 * model registry. The offline command line ({@code io.seqrec.trainer.cli.Main}) ships in
 * the same jar.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TrainerApplication {

	/**
	 * The name of the service's configuration file, {@code trainer-service.yaml}: unique,
	 * so that the services can share one classpath (as in {@code seqrec demo}). An
	 * operator's {@code application.yaml} is still read after it and wins.
	 */
	public static final String CONFIG_NAME = "trainer-service";

	public static void main(String[] args) {
		new SpringApplicationBuilder(TrainerApplication.class)
			.properties("spring.config.name=" + CONFIG_NAME + ",application")
			.run(args);
	}

}
