/**
 * Configuration as RecBole layers it: built-in YAML defaults ({@code overall.yaml}, then
 * {@code model/<Model>.yaml}, then {@code dataset/<dataset>.yaml}), then config files,
 * programmatic parameters and {@code --key=value} command-line pairs. The shipped YAML
 * files are both the documentation and the schema: the {@code # (type)} comment on each
 * key declares its type, so values are coerced by the schema rather than by YAML's guess,
 * and unknown keys fail with a suggestion.
 *
 * @see io.seqrec.config.ConfigLoader
 * @see io.seqrec.config.ConfigSchema
 */
@NullMarked
package io.seqrec.config;

import org.jspecify.annotations.NullMarked;
