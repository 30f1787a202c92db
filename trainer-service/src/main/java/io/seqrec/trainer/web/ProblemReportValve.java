package io.seqrec.trainer.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import io.seqrec.http.ContainerError;
import io.seqrec.http.Problems;

/**
 * Tomcat's error report as a problem document instead of an HTML page. Errors that never
 * reach Spring MVC (an undecodable URL, a request the container rejects, a failure no
 * handler caught) end in the host's error report valve, which this one replaces; the
 * service registers no error page, so they all end here ({@link ContainerError} says what
 * is answered).
 */
public final class ProblemReportValve extends ErrorReportValve {

	/**
	 * Replaces the error report valves of a context's host with this one.
	 * @param context the service's context
	 */
	static void install(Context context) {
		Container host = context.getParent();
		for (Valve valve : host.getPipeline().getValves()) {
			if (valve instanceof ErrorReportValve) {
				host.getPipeline().removeValve(valve);
			}
		}
		if (host instanceof StandardHost standard) {
			// so that the host does not add its default valve when it starts
			standard.setErrorReportValveClass(ProblemReportValve.class.getName());
		}
		host.getPipeline().addValve(new ProblemReportValve());
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		ContainerError error = ContainerError.of(response.getStatus(), request.getMethod(), response.getMessage());
		HttpStatus known = HttpStatus.resolve(error.status());
		byte[] body = Problems.json(error.status(), (known != null) ? known.getReasonPhrase() : "Error", error.detail(),
				request.getRequestURI());
		try {
			response.setStatus(error.status());
			if (error.allow() != null) {
				response.setHeader(HttpHeaders.ALLOW, error.allow());
			}
			response.setContentType(Problems.MEDIA_TYPE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(new String(body, StandardCharsets.UTF_8));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the connection is gone or the response cannot be written any more
		}
	}

}
