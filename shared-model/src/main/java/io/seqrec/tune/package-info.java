/**
 * Hyper-parameter search from a RecBole {@code hyper.test} file, as RecBole's
 * {@code run_hyper.py} runs it, and faster: the params-file parser ({@link ParamsFile}),
 * search spaces ({@link SearchSpace}, {@link Dimension}), the {@code exhaustive},
 * {@code random} and {@code bayes} (TPE) algorithms, hyperopt's early stop, asynchronous
 * successive halving ({@link SuccessiveHalving}), parallel trials ({@link Tuner}), the
 * trial that trains a model ({@link TrainingTrials}) and the result files
 * ({@link TuneResults}).
 */
@NullMarked
package io.seqrec.tune;

import org.jspecify.annotations.NullMarked;
