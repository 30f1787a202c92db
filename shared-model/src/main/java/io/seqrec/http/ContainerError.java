package io.seqrec.http;

import org.jspecify.annotations.Nullable;

/**
 * The answer to an error that the servlet container found itself, before any of the
 * service's code ran: its status, and a detail only for a client error (a 5xx says
 * nothing about its cause). A {@code CONNECT} request, which the container refuses as not
 * implemented (501), is answered as what it is to an API, a method it does not allow
 * (405): a 5xx stays the sign of a server fault.
 *
 * @param status the HTTP status to send
 * @param detail what was wrong with the request, or null
 * @param allow the methods to name in {@code Allow}, or null
 */
public record ContainerError(int status, @Nullable String detail, @Nullable String allow) {

	/**
	 * The answer to a container's error.
	 * @param status the status the container chose
	 * @param method the request's method
	 * @param message the container's message, or null
	 * @return the answer
	 */
	public static ContainerError of(int status, @Nullable String method, @Nullable String message) {
		if (status == 501 && "CONNECT".equalsIgnoreCase(method)) {
			return new ContainerError(405, "CONNECT is not allowed: this service is not a proxy", "GET, HEAD, POST");
		}
		return new ContainerError(status, (status < 500) ? message : null, null);
	}

}
