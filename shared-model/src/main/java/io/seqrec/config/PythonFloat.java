package io.seqrec.config;

import java.math.BigDecimal;

/**
 * Formats a double as Python's {@code repr} does, so that logged configurations read like
 * RecBole's: {@code 0.001}, {@code 1e-12}, {@code 300.0}, {@code 1e+16}.
 */
public final class PythonFloat {

	private PythonFloat() {
	}

	/**
	 * Python's {@code repr(float)}: the shortest digits, positional for exponents from -4
	 * to 15, scientific otherwise.
	 * @param value the number
	 * @return the text
	 */
	public static String repr(double value) {
		if (Double.isNaN(value)) {
			return "nan";
		}
		if (Double.isInfinite(value)) {
			return (value > 0) ? "inf" : "-inf";
		}
		if (value == 0.0) {
			return (1.0 / value < 0) ? "-0.0" : "0.0";
		}
		BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
		int exponent = decimal.precision() - decimal.scale() - 1;
		if (exponent >= -4 && exponent < 16) {
			String plain = decimal.toPlainString();
			return plain.contains(".") ? plain : plain + ".0";
		}
		String digits = decimal.unscaledValue().abs().toString();
		String mantissa = (digits.length() == 1) ? digits : digits.charAt(0) + "." + digits.substring(1);
		String sign = (value < 0) ? "-" : "";
		String exponentSign = (exponent < 0) ? "-" : "+";
		return sign + mantissa + "e" + exponentSign + String.format("%02d", Math.abs(exponent));
	}

}
