package io.seqrec.trainer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point of the seqrec trainer service: scheduled retraining from Redis and the
 * model registry. The offline command line ({@code io.seqrec.trainer.cli.Main}) ships in
 * the same jar.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TrainerApplication {

	public static void main(String[] args) {
		SpringApplication.run(TrainerApplication.class, args);
	}

}
