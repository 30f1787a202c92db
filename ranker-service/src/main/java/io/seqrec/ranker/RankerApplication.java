package io.seqrec.ranker;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point of the seqrec ranker service: top-K recommendations over HTTP from the live
 * model of the model store, reloaded when {@code seqrec.model-updates} announces a new
 * one.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RankerApplication {

	/**
	 * The name of the service's configuration file, {@code ranker-service.yaml}: unique,
	 * so that the services can share one classpath (as in {@code seqrec demo}). An
	 * operator's {@code application.yaml} is still read after it and wins.
	 */
	public static final String CONFIG_NAME = "ranker-service";

	/**
	 * Runs the service.
	 * @param args Spring Boot command-line arguments
	 */
	public static void main(String[] args) {
		new SpringApplicationBuilder(RankerApplication.class)
			.properties("spring.config.name=" + CONFIG_NAME + ",application")
			.run(args);
	}

}
