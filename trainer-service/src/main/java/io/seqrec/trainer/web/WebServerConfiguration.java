package io.seqrec.trainer.web;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.seqrec.http.ProblemReportValve;

/**
 * The servlet container's own error answers are problem documents, like the API's.
 */
@Configuration(proxyBeanMethods = false)
class WebServerConfiguration {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
		// runs after Boot's own customizer, which adds the default error report valve
		return (factory) -> factory.addContextCustomizers(ProblemReportValve::install);
	}

}
