package io.seqrec.ranker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Entry point of the seqrec ranker service.
 */
@SpringBootApplication
public class RankerApplication {

	public static void main(String[] args) {
		SpringApplication.run(RankerApplication.class, args);
	}

}
