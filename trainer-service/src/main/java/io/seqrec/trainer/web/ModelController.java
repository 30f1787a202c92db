package io.seqrec.trainer.web;

import java.util.List;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.seqrec.artifact.ModelRegistryState;
import io.seqrec.trainer.registry.ModelRegistryService;

/**
 * The model registry: versions with their metrics and status, which one is live, and
 * moving the live pointer (pin a version, or follow the latest accepted one).
 */
@RestController
@RequestMapping("/v1/models")
class ModelController {

	private final ModelRegistryService registry;

	ModelController(ModelRegistryService registry) {
		this.registry = registry;
	}

	@GetMapping
	List<ModelRegistryState> all() {
		return this.registry.registries();
	}

	@GetMapping("/{name}")
	ModelRegistryState one(@PathVariable String name) {
		ModelRegistryState state = this.registry.registry(name);
		if (state.versions().isEmpty()) {
			throw new NotFoundException("no model named " + name);
		}
		return state;
	}

	@PostMapping("/{name}/live")
	ModelRegistryState live(@PathVariable String name, @Valid @RequestBody LiveRequest request) {
		if (request.isFollowLatest()) {
			return this.registry.followLatest(name);
		}
		return this.registry.pin(name, request.version());
	}

}
