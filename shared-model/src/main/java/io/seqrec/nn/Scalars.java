package io.seqrec.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Arithmetic with a constant whose scalar operand autograd may keep for backward.
 *
 * <p>
 * DJL's {@code x.mul(2f)} makes a native scalar that aliases a Java direct buffer and
 * closes it right after the operation. Multiplication and division keep that scalar for
 * the backward pass, so a garbage collection between forward and backward can free its
 * memory and backward then reads whatever is there (NaN losses, or silently wrong
 * gradients). These helpers make the scalar with a native fill instead ({@link #of}): its
 * memory belongs to the engine, so autograd keeps it alive for as long as it needs it,
 * even when the array is closed early (as the blocks that free their intermediates at the
 * end of their forward pass do). Use them on every array that may require a gradient.
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
		return x.mul(of(x, c));
	}

	/**
	 * {@code x / c}.
	 * @param x the array
	 * @param c the constant
	 * @return a new array owned by {@code x}'s manager
	 */
	public static NDArray div(NDArray x, float c) {
		return x.div(of(x, c));
	}

	/**
	 * {@code x + c}.
	 * @param x the array
	 * @param c the constant
	 * @return a new array owned by {@code x}'s manager
	 */
	public static NDArray add(NDArray x, float c) {
		return x.add(of(x, c));
	}

	/**
	 * A scalar made by the engine (a native fill, not a copy of Java memory), in the
	 * manager and data type of an array.
	 * @param like the array the scalar will be combined with
	 * @param c the value
	 * @return a 0-dimensional array
	 */
	public static NDArray of(NDArray like, float c) {
		return like.getManager().full(new Shape(), c, like.getDataType());
	}

}
