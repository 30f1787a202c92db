package io.seqrec.trainer.schedule;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

import io.seqrec.trainer.TrainerProperties;
import io.seqrec.trainer.run.RunInProgressException;
import io.seqrec.trainer.run.TrainingRunService;

/**
 * Registers the configured triggers: {@code seqrec.trainer.schedule.cron},
 * {@code seqrec.trainer.schedule.fixed-delay} (from the start of one check to the next
 * while no run is going), and {@code seqrec.trainer.schedule.new-events} (checked every
 * {@code check-interval}). A trigger that fires while a run is going is skipped.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TrainingScheduler implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(TrainingScheduler.class);

	private final TrainerProperties properties;

	private final TrainingRunService runs;

	TrainingScheduler(TrainerProperties properties, TrainingRunService runs) {
		this.properties = properties;
		this.runs = runs;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		TrainerProperties.Schedule schedule = this.properties.schedule();
		if (schedule.cron() != null && !schedule.cron().isBlank()) {
			registrar.addTriggerTask(() -> startIfIdle("schedule"), new CronTrigger(schedule.cron()));
			logger.info("training runs scheduled by cron '{}'", schedule.cron());
		}
		Duration delay = schedule.fixedDelay();
		if (delay != null && !delay.isZero()) {
			registrar.addFixedDelayTask(() -> startIfIdle("schedule"), delay);
			logger.info("training runs scheduled every {} after the previous one", delay);
		}
		if (schedule.newEvents() > 0) {
			registrar.addFixedDelayTask(this::checkNewEvents, schedule.checkInterval());
			logger.info("a training run starts after {} new events", schedule.newEvents());
		}
	}

	private void checkNewEvents() {
		long fresh = this.runs.eventsSinceLastStart();
		if (fresh >= this.properties.schedule().newEvents()) {
			startIfIdle("new-events");
		}
	}

	private void startIfIdle(String trigger) {
		if (this.runs.isRunning()) {
			return;
		}
		try {
			this.runs.start(trigger);
		}
		catch (RunInProgressException ex) {
			logger.debug("skipped {} trigger: {}", trigger, ex.getMessage());
		}
	}

}
