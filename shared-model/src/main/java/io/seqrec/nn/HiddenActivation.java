package io.seqrec.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * The {@code hidden_act} choices of RecBole's transformer feed-forward layer.
 * {@code gelu} is the exact erf form, not the tanh approximation.
 */
public enum HiddenActivation {

	/** {@code x * 0.5 * (1 + erf(x / sqrt(2)))}. */
	GELU {
		@Override
		public NDArray apply(NDArray x) {
			return Activation.gelu(x);
		}
	},
	/** {@code max(x, 0)}. */
	RELU {
		@Override
		public NDArray apply(NDArray x) {
			return Activation.relu(x);
		}
	},
	/** {@code x * sigmoid(x)}. */
	SWISH {
		@Override
		public NDArray apply(NDArray x) {
			return x.mul(Activation.sigmoid(x));
		}
	},
	/** Hyperbolic tangent. */
	TANH {
		@Override
		public NDArray apply(NDArray x) {
			return Activation.tanh(x);
		}
	},
	/** Logistic sigmoid. */
	SIGMOID {
		@Override
		public NDArray apply(NDArray x) {
			return Activation.sigmoid(x);
		}
	};

	/**
	 * Applies the activation element-wise.
	 * @param x the input
	 * @return a new array owned by the input's manager
	 */
	public abstract NDArray apply(NDArray x);

	/**
	 * The configuration spelling ({@code gelu}).
	 * @return the lower-case name
	 */
	public String configName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Parses a {@code hidden_act} value.
	 * @param name the configured name, case-insensitive
	 * @return the activation
	 * @throws IllegalArgumentException naming the valid choices
	 */
	public static HiddenActivation parse(String name) {
		for (HiddenActivation act : values()) {
			if (act.configName().equalsIgnoreCase(name)) {
				return act;
			}
		}
		throw new IllegalArgumentException("hidden_act '" + name + "' is not supported; valid choices: "
				+ Arrays.stream(values()).map(HiddenActivation::configName).collect(Collectors.joining(", ")));
	}

}
