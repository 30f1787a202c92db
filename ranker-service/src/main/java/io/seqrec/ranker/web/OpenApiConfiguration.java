package io.seqrec.ranker.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's header: what the API is and that it takes an API key in the
 * {@code X-API-Key} header (so Swagger UI offers to send one).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	private static final String API_KEY = "apiKey";

	@Bean
	OpenAPI rankerOpenApi() {
		return new OpenAPI()
			.info(new Info().title("seqrec ranker")
				.version("v1")
				.description("Real-time sequential recommendations from the live model. Errors are RFC 9457 "
						+ "problem documents."))
			.components(new Components().addSecuritySchemes(API_KEY,
					new SecurityScheme().type(SecurityScheme.Type.APIKEY)
						.in(SecurityScheme.In.HEADER)
						.name("X-API-Key")))
			.addSecurityItem(new SecurityRequirement().addList(API_KEY));
	}

}
