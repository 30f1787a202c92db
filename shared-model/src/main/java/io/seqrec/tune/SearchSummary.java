package io.seqrec.tune;

/**
 * A finished search with what it was about: the content of {@code tune.json} and of the
 * report.
 *
 * @param model the model
 * @param dataset the dataset
 * @param validMetric the metric trials are compared on ({@code valid_metric}, as
 * configured)
 * @param settings how the search ran
 * @param space what it searched
 * @param outcome the trials and the best one
 * @param threadsPerTrial the intra-op threads of each trial
 */
public record SearchSummary(String model, String dataset, String validMetric, TuneSettings settings, SearchSpace space,
		TuneOutcome outcome, int threadsPerTrial) {

}
