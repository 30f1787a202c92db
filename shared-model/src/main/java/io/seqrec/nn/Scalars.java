package io.seqrec.nn;

import ai.djl.ndarray.NDArray;

/**
 * Arithmetic with a constant whose scalar operand autograd may keep for backward.
 *
 * <p>
 * DJL's {@code x.mul(2f)} makes a native scalar that aliases a Java direct buffer and
 * closes it right after the operation. Multiplication and division keep that scalar for
 * the backward pass, so a garbage collection between forward and backward can free its
 * memory and backward then reads whatever is there (NaN losses, or silently wrong
 * gradients). These helpers create the scalar in the operand's manager instead, where it
 * stays alive until the batch is closed, after backward. Use them on every array that may
 * require a gradient.
 */
public final class Scalars {

	private Scalars() {
	}

	/**
	 * {@code x * c}.
	 * @param x the array
	 * @param c the constant
	 * @return a new array owned by {@code x}'s manager
	 */
	public static NDArray mul(NDArray x, float c) {
		return x.mul(x.getManager().create(c));
	}

	/**
	 * {@code x / c}.
	 * @param x the array
	 * @param c the constant
	 * @return a new array owned by {@code x}'s manager
	 */
	public static NDArray div(NDArray x, float c) {
		return x.div(x.getManager().create(c));
	}

	/**
	 * {@code x + c}.
	 * @param x the array
	 * @param c the constant
	 * @return a new array owned by {@code x}'s manager
	 */
	public static NDArray add(NDArray x, float c) {
		return x.add(x.getManager().create(c));
	}

}
