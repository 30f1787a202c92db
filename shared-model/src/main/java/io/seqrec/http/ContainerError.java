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

	/**
	 * The status's short description, for the problem's title.
	 * @return the reason phrase of RFC 9110, or {@code Error} for a status it does not
	 * name
	 */
	public String title() {
		return switch (this.status) {
			case 400 -> "Bad Request";
			case 401 -> "Unauthorized";
			case 403 -> "Forbidden";
			case 404 -> "Not Found";
			case 405 -> "Method Not Allowed";
			case 406 -> "Not Acceptable";
			case 408 -> "Request Timeout";
			case 411 -> "Length Required";
			case 413 -> "Content Too Large";
			case 414 -> "URI Too Long";
			case 415 -> "Unsupported Media Type";
			case 417 -> "Expectation Failed";
			case 431 -> "Request Header Fields Too Large";
			case 500 -> "Internal Server Error";
			case 501 -> "Not Implemented";
			case 503 -> "Service Unavailable";
			case 505 -> "HTTP Version Not Supported";
			default -> "Error";
		};
	}

}
