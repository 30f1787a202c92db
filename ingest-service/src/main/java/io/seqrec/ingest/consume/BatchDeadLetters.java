package io.seqrec.ingest.consume;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.SendResult;

/**
 * The listener's dead-letter publisher: the same records and headers as the error
 * handler's recoverer, but a batch's dead letters are sent without waiting for each
 * acknowledgement, and {@link #awaitSent} waits for them all at once, before the listener
 * returns (so before its offsets are committed). Sent one at a time, the dead letters of
 * a batch with many invalid records took long enough to exceed the poll interval, and the
 * replayed batch dead-lettered them twice.
 */
final class BatchDeadLetters extends DeadLetterPublishingRecoverer {

	private final ThreadLocal<List<CompletableFuture<SendResult<Object, Object>>>> sent = ThreadLocal
		.withInitial(ArrayList::new);

	BatchDeadLetters(KafkaOperations<?, ?> template,
			BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination) {
		super(template, destination);
	}

	@Override
	protected void verifySendResult(KafkaOperations<Object, Object> template, ProducerRecord<Object, Object> record,
			CompletableFuture<SendResult<Object, Object>> result, ConsumerRecord<?, ?> source) {
		this.sent.get().add(result);
	}

	/**
	 * Waits until the broker acknowledged every dead letter this thread sent since the
	 * last call.
	 * @param timeout the longest wait
	 * @throws KafkaException if one was not acknowledged (the batch is then retried)
	 */
	void awaitSent(Duration timeout) {
		List<CompletableFuture<SendResult<Object, Object>>> pending = this.sent.get();
		try {
			CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
				.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new KafkaException("a dead letter was not acknowledged: " + ex.getCause().getMessage(),
					ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new KafkaException("dead letters not acknowledged within " + timeout, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KafkaException("interrupted while waiting for dead letters", ex);
		}
		finally {
			pending.clear();
		}
	}

}
