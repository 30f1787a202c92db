package io.seqrec.trainer.security;

import java.util.List;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.seqrec.http.ApiKeyFilter;
import io.seqrec.http.ApiKeys;
import io.seqrec.http.RequestGuard;
import io.seqrec.trainer.TrainerProperties;

/**
 * The trainer's API starts training runs and moves the live model, so every call needs an
 * admin key of its own ({@code seqrec.trainer.api-keys}, or a file of keys); health and
 * metrics stay open for probes and scrapers.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	private static final List<String> OPEN = List.of("/actuator/health", "/actuator/info", "/actuator/prometheus");

	@Bean
	ApiKeys trainerApiKeys(TrainerProperties properties) {
		return new ApiKeys(properties.apiKeys(), properties.apiKeysFile(),
				"seqrec.trainer.api-keys or seqrec.trainer.api-keys-file");
	}

	@Bean
	FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKeys trainerApiKeys) {
		FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(
				new ApiKeyFilter(new RequestGuard(trainerApiKeys, OPEN)));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		registration.addUrlPatterns("/*");
		return registration;
	}

}
