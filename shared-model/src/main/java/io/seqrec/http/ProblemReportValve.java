package io.seqrec.http;

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

/**
 * Tomcat's error report as a problem document instead of an HTML page. Errors that never
 * reach Spring MVC (an undecodable URL, a request the container rejects, a failure no
 * handler caught) end in the host's error report valve, which this one replaces; a
 * service that registers no error page sends them all here. {@link ContainerError} says
 * what is answered.
 */
public final class ProblemReportValve extends ErrorReportValve {

	/**
	 * Replaces the error report valves of a context's host with this one.
	 * @param context the service's context
	 */
	public static void install(Context context) {
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
		byte[] body = Problems.json(error.status(), error.title(), error.detail(), request.getRequestURI());
		try {
			response.setStatus(error.status());
			if (error.allow() != null) {
				response.setHeader("Allow", error.allow());
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
