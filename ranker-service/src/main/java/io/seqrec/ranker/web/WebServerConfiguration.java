package io.seqrec.ranker.web;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.seqrec.http.ProblemReportValve;

import io.seqrec.ranker.RankerProperties;
import io.seqrec.ranker.security.SecurityConfiguration;

/**
 * What the servlet container does before and outside Spring MVC: request bodies over the
 * configured size, or of no concrete media type, are refused before they are read, right
 * after the API-key check, and the container's own error answers are problem documents.
 */
@Configuration(proxyBeanMethods = false)
class WebServerConfiguration {

	@Bean
	FilterRegistrationBean<RequestBodyFilter> requestBodyFilter(RankerProperties properties) {
		FilterRegistrationBean<RequestBodyFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyFilter(properties.maxRequestSize().toBytes()));
		registration.setOrder(SecurityConfiguration.FILTER_ORDER + 1);
		registration.addUrlPatterns("/*");
		return registration;
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
		// runs after Boot's own customizer, which adds the default error report valve
		return (factory) -> factory.addContextCustomizers(ProblemReportValve::install);
	}

}
