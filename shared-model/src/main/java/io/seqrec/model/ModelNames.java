package io.seqrec.model;

import java.util.Iterator;

/**
 * The names of the implemented models as an {@link Iterable}, for command-line help and
 * completion ({@code completionCandidates} of a {@code --model} option): the registry's
 * list, so no help names a model that cannot be built.
 */
public final class ModelNames implements Iterable<String> {

	@Override
	public Iterator<String> iterator() {
		return ModelRegistry.names().iterator();
	}

}
