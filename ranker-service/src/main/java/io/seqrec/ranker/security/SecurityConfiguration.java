package io.seqrec.ranker.security;

import java.util.List;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.seqrec.http.ApiKeyFilter;
import io.seqrec.http.ApiKeys;
import io.seqrec.http.RequestGuard;
import io.seqrec.ranker.RankerProperties;

/**
 * Registers the API-key filter first in the chain, for every path (the guard lets the
 * open ones through). A plain filter costs a digest and a few comparisons per request;
 * the service needs no more than that from a security framework.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	/** The filter's place in the chain: before every other filter of the service. */
	public static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	private static final List<String> OPEN = List.of("/actuator/health", "/actuator/info", "/actuator/prometheus",
			"/v3/api-docs", "/swagger-ui");

	@Bean
	ApiKeys apiKeys(RankerProperties properties) {
		return new ApiKeys(properties.apiKeys(), properties.apiKeysFile(),
				"seqrec.ranker.api-keys or seqrec.ranker.api-keys-file");
	}

	@Bean
	FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKeys apiKeys) {
		FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(
				new ApiKeyFilter(new RequestGuard(apiKeys, OPEN)));
		registration.setOrder(FILTER_ORDER);
		registration.addUrlPatterns("/*");
		return registration;
	}

}
