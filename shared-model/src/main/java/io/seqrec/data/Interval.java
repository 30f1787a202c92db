package io.seqrec.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A union of real intervals in RecBole's syntax: {@code "[3,inf)"}, {@code "(0,5]"},
 * bounds {@code inf}/{@code -inf}, several intervals joined by {@code ;} meaning their
 * union (as {@code Dataset._parse_intervals_str} and {@code _within_intervals}).
 */
public final class Interval {

	private final String spec;

	private final List<Range> ranges;

	private Interval(String spec, List<Range> ranges) {
		this.spec = spec;
		this.ranges = ranges;
	}

	/**
	 * Parses an interval union.
	 * @param spec for example {@code "[0,inf)"} or {@code "(0,1];[3,4)"}
	 * @return the interval
	 * @throws DataException quoting {@code spec} if it is malformed or has a lower bound
	 * above its upper bound
	 */
	public static Interval parse(String spec) {
		return parse("interval", spec);
	}

	/**
	 * Parses an interval union, naming the setting it comes from in errors.
	 * @param setting the setting name, for example {@code user_inter_num_interval}
	 * @param spec the interval text
	 * @return the interval
	 * @throws DataException quoting {@code spec} if it is malformed
	 */
	public static Interval parse(String setting, String spec) {
		List<Range> ranges = new ArrayList<>();
		for (String part : spec.split(";", -1)) {
			ranges.add(parseRange(setting, spec, part.strip()));
		}
		return new Interval(spec, List.copyOf(ranges));
	}

	private static Range parseRange(String setting, String spec, String part) {
		String[] bounds = (part.length() >= 2) ? part.substring(1, part.length() - 1).split(",", -1) : new String[0];
		if (bounds.length != 2 || (part.charAt(0) != '(' && part.charAt(0) != '[')
				|| (part.charAt(part.length() - 1) != ')' && part.charAt(part.length() - 1) != ']')) {
			throw malformed(setting, spec, "'" + part + "' is not of the form [a,b], (a,b], [a,b) or (a,b)");
		}
		double low = parseBound(setting, spec, bounds[0]);
		double high = parseBound(setting, spec, bounds[1]);
		if (low > high) {
			throw malformed(setting, spec, "'" + part + "' has its lower bound above its upper bound");
		}
		return new Range(part.charAt(0) == '[', low, high, part.charAt(part.length() - 1) == ']');
	}

	/**
	 * Parses a bound as Python's {@code float()} would (surrounding spaces, {@code inf}).
	 */
	private static double parseBound(String setting, String spec, String text) {
		String bound = text.strip().toLowerCase(Locale.ROOT);
		switch (bound) {
			case "inf", "+inf", "infinity", "+infinity":
				return Double.POSITIVE_INFINITY;
			case "-inf", "-infinity":
				return Double.NEGATIVE_INFINITY;
			default:
				break;
		}
		try {
			double value = Double.parseDouble(bound);
			if (Double.isNaN(value) || bound.endsWith("d") || bound.endsWith("f")) {
				throw new NumberFormatException(bound);
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw malformed(setting, spec, "bound '" + text.strip() + "' is not a number");
		}
	}

	private static DataException malformed(String setting, String spec, String why) {
		return new DataException(
				setting + " '" + spec + "' is malformed: " + why + " (several intervals may be joined by ';')");
	}

	/**
	 * Tells whether a value lies in any of the intervals.
	 * @param value the value
	 * @return {@code true} if it is inside
	 */
	public boolean contains(double value) {
		for (Range range : this.ranges) {
			if (range.contains(value)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Returns the text this interval was parsed from.
	 * @return the original specification
	 */
	@Override
	public String toString() {
		return this.spec;
	}

	private record Range(boolean closedLow, double low, double high, boolean closedHigh) {

		boolean contains(double value) {
			boolean aboveLow = this.closedLow ? value >= this.low : value > this.low;
			boolean belowHigh = this.closedHigh ? value <= this.high : value < this.high;
			return aboveLow && belowHigh;
		}

	}

}
