package io.seqrec.ranker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
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
	 * Runs the service.
	 * @param args Spring Boot command-line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(RankerApplication.class, args);
	}

}
