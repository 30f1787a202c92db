package io.seqrec.ranker.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.seqrec.ranker.RankerProperties;

/**
 * Registers the API-key filter first in the chain, for every path (the filter itself lets
 * the open ones through). A plain filter costs a digest and a few comparisons per
 * request; the service needs no more than that from a security framework.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	@Bean
	ApiKeys apiKeys(RankerProperties properties) {
		return new ApiKeys(properties.apiKeys(), properties.apiKeysFile());
	}

	@Bean
	FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKeys apiKeys) {
		FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(new ApiKeyFilter(apiKeys));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		registration.addUrlPatterns("/*");
		return registration;
	}

}
