package io.seqrec.trainer.cli;

import java.util.Iterator;

import io.seqrec.model.ModelRegistry;

/**
 * The implemented models, for {@code --model}'s help and completion: the model registry's
 * list, so the help never names a model that cannot be trained.
 */
final class ModelNames implements Iterable<String> {

	@Override
	public Iterator<String> iterator() {
		return ModelRegistry.names().iterator();
	}

}
