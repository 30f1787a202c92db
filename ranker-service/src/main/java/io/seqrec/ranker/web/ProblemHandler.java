package io.seqrec.ranker.web;

import java.util.List;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.seqrec.contract.SequenceStoreException;
import io.seqrec.ranker.recommend.ModelUnavailableException;

/**
 * Maps errors to RFC 9457 problem documents: bad input is a 4xx (with every violated
 * constraint listed under {@code errors}), an unavailable model or Redis a 503, and
 * anything else a 500 that reveals no internals. Errors that never reach Spring MVC are
 * problem documents too ({@link io.seqrec.http.ProblemReportValve}).
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler
	ProblemDetail invalid(InvalidRequestException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail noModel(ModelUnavailableException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("No model loaded");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail redisDown(SequenceStoreException ex) {
		logger.warn("cannot read sequences: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"the sequence store is unavailable");
		problem.setTitle("Sequence store unavailable");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail undecodableParameter(InvalidParameterException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"a query parameter is not valid percent-encoded UTF-8");
	}

	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		logger.error("unexpected failure", ex);
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "an unexpected error occurred");
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<String> errors = ex.getBindingResult()
			.getAllErrors()
			.stream()
			.map((error) -> (error instanceof FieldError field) ? field.getField() + ": " + field.getDefaultMessage()
					: error.getDefaultMessage())
			.toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				"invalid request: " + String.join("; ", errors));
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<String> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> result.getMethodParameter().getParameterName() + ": " + message(error)))
			.toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				"invalid request: " + String.join("; ", errors));
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	private static @Nullable String message(MessageSourceResolvable error) {
		return error.getDefaultMessage();
	}

}
