package io.seqrec.ranker.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

import io.seqrec.artifact.ModelArtifact;
import io.seqrec.testsupport.models.ModelFixture;
import io.seqrec.testsupport.models.ModelFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The swap protocol: a request that leased a model finishes on it after a swap, the old
 * model closes only when its last lease ends, and under concurrent leases and swaps no
 * request ever scores with a closed model and every replaced model is closed.
 */
class ModelHolderTests {

	private static final ModelFixture ARTIFACT = ModelFixtures.untrained("SASRec", 20, 6);

	private static LiveModel load(String version) {
		return new LiveModel("sasrec", version, 0, ModelArtifact.load(ARTIFACT.artifact(), Device.cpu()));
	}

	@Test
	void aLeasedModelStaysOpenAfterASwapAndClosesWithItsLastLease() {
		ModelHolder holder = new ModelHolder();
		LiveModel first = load("1");
		holder.swap(first);
		ModelLease lease = holder.lease().orElseThrow();
		holder.swap(load("2"));
		assertThat(first.isClosed()).isFalse();
		assertThat(ForwardPass.scores(lease.model(), List.of(new int[] { 1, 2 }))).hasSize(21);
		assertThat(lease.model().manager().isOpen()).isTrue();
		lease.close();
		lease.close();
		assertThat(first.isClosed()).isTrue();
		assertThat(first.manager().isOpen()).isFalse();
		try (ModelLease now = holder.lease().orElseThrow()) {
			assertThat(now.model().version()).isEqualTo("2");
		}
		holder.clear();
		assertThat(holder.lease()).isEmpty();
	}

	@Test
	void concurrentRequestsNeverSeeAClosedModelAndEveryReplacedModelCloses() throws Exception {
		ModelHolder holder = new ModelHolder();
		List<LiveModel> all = new ArrayList<>();
		LiveModel initial = load("0");
		all.add(initial);
		holder.swap(initial);
		AtomicBoolean stop = new AtomicBoolean();
		ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		CountDownLatch started = new CountDownLatch(4);
		List<Future<Integer>> workers = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			workers.add(pool.submit(() -> {
				started.countDown();
				int requests = 0;
				while (!stop.get()) {
					try (ModelLease lease = holder.lease().orElseThrow()) {
						assertThat(lease.model().isClosed()).isFalse();
						ForwardPass.scores(lease.model(), List.of(new int[] { 3, 4, 5 }));
						requests++;
					}
					catch (Throwable ex) {
						failures.add(ex);
					}
				}
				return requests;
			}));
		}
		started.await();
		for (int v = 1; v <= 8; v++) {
			LiveModel next = load(Integer.toString(v));
			all.add(next);
			holder.swap(next);
			TimeUnit.MILLISECONDS.sleep(20);
		}
		stop.set(true);
		int requests = 0;
		for (Future<Integer> worker : workers) {
			requests += worker.get(30, TimeUnit.SECONDS);
		}
		pool.shutdown();
		assertThat(failures).isEmpty();
		assertThat(requests).isPositive();
		assertThat(all.subList(0, all.size() - 1)).allMatch(LiveModel::isClosed);
		assertThat(all.get(all.size() - 1).isClosed()).isFalse();
		holder.clear();
		assertThat(all).allMatch(LiveModel::isClosed);
	}

}
