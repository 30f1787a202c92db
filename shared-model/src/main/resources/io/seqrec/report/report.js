/* seqrec report: draws a tuning search or a training run from the JSON in #report-data with uPlot. */
(function () {
	'use strict';

	var data = JSON.parse(document.getElementById('report-data').textContent);
	var root = document.getElementById('report');
	var COLORS = {
		best: '#d9480f',
		finished: 'rgba(37, 99, 235, 0.45)',
		finishedPoint: '#2563eb',
		stopped: 'rgba(120, 120, 120, 0.40)',
		stoppedPoint: '#8c8c8c',
		marker: '#d9480f'
	};
	var WHOLE = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];
	var PALETTE = ['#2563eb', '#d9480f', '#059669', '#7c3aed', '#db2777', '#0891b2', '#ca8a04', '#4b5563'];

	function el(tag, attrs, children) {
		var node = document.createElement(tag);
		Object.keys(attrs || {}).forEach(function (key) {
			if (key === 'text') {
				node.textContent = attrs[key];
			} else {
				node.setAttribute(key, attrs[key]);
			}
		});
		(children || []).forEach(function (child) {
			node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
		});
		return node;
	}

	function fmt(value, digits) {
		if (value === null || value === undefined || Number.isNaN(value)) {
			return '';
		}
		return typeof value === 'number' ? value.toFixed(digits === undefined ? 4 : digits) : String(value);
	}

	function duration(seconds) {
		var s = Math.round(seconds);
		var h = Math.floor(s / 3600);
		var m = Math.floor((s % 3600) / 60);
		var rest = s % 60;
		if (h > 0) {
			return h + 'h ' + (m < 10 ? '0' : '') + m + 'm';
		}
		return m > 0 ? m + 'm ' + (rest < 10 ? '0' : '') + rest + 's' : rest + 's';
	}

	function card(label, value, note) {
		return el('div', { 'class': 'card' }, [el('div', { 'class': 'label', text: label }),
			el('div', { 'class': 'value', text: value }), el('div', { 'class': 'note', text: note || '' })]);
	}

	function panel(title, hint) {
		var body = el('div');
		var hintNode = el('div', { 'class': 'hint', text: hint || '' });
		var node = el('section', { 'class': 'panel' }, [el('h2', { text: title }), hintNode, body]);
		root.appendChild(node);
		return { body: body, hint: hintNode };
	}

	function chartWidth(container) {
		return Math.max(300, container.clientWidth || 1100);
	}

	/** Axis labels of a log scale: powers of ten only, as 1e-4. */
	function logLabels(u, splits) {
		return splits.map(function (v) {
			var exponent = Math.log10(v);
			return Math.abs(exponent - Math.round(exponent)) < 1e-9 ? v.toExponential(0) : '';
		});
	}

	/** A continuous value, short. */
	function shortNumber(v) {
		return typeof v === 'number' ? Number(v.toPrecision(4)).toString() : String(v);
	}

	/** A dashed vertical line at an x value (the best epoch). */
	function markerPlugin(x, label) {
		return {
			hooks: {
				draw: [function (u) {
					if (x === null || x === undefined || x < 0) {
						return;
					}
					var ctx = u.ctx;
					var px = u.valToPos(x, 'x', true);
					ctx.save();
					ctx.strokeStyle = COLORS.marker;
					ctx.lineWidth = 1.5 * devicePixelRatio;
					ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
					ctx.beginPath();
					ctx.moveTo(px, u.bbox.top);
					ctx.lineTo(px, u.bbox.top + u.bbox.height);
					ctx.stroke();
					ctx.fillStyle = COLORS.marker;
					ctx.font = (12 * devicePixelRatio) + 'px system-ui, sans-serif';
					var textWidth = ctx.measureText(label).width;
					var right = px + 4 * devicePixelRatio + textWidth <= u.bbox.left + u.bbox.width;
					ctx.textAlign = right ? 'left' : 'right';
					ctx.fillText(label, px + (right ? 4 : -4) * devicePixelRatio, u.bbox.top + 14 * devicePixelRatio);
					ctx.restore();
				}]
			}
		};
	}

	function sortableTable(container, columns, rows, bestKey) {
		var table = el('table');
		var head = el('tr');
		var body = el('tbody');
		var state = { column: -1, descending: false };
		columns.forEach(function (column, index) {
			var th = el('th', { 'class': column.text ? 'text' : '', text: column.label, title: 'sort by ' + column.label });
			th.addEventListener('click', function () {
				state.descending = state.column === index ? !state.descending : !!column.descendingFirst;
				state.column = index;
				Array.prototype.forEach.call(head.children, function (cell) {
					cell.classList.remove('sorted-asc', 'sorted-desc');
				});
				th.classList.add(state.descending ? 'sorted-desc' : 'sorted-asc');
				draw();
			});
			head.appendChild(th);
		});
		function sortValue(row, column) {
			var value = column.sort ? column.sort(row) : column.value(row);
			return value === null || value === undefined || value === '' ? null : value;
		}
		function draw() {
			var sorted = rows.slice();
			if (state.column >= 0) {
				var column = columns[state.column];
				sorted.sort(function (a, b) {
					var x = sortValue(a, column);
					var y = sortValue(b, column);
					if (x === null || y === null) {
						return x === null ? (y === null ? 0 : 1) : -1;
					}
					var order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
					return state.descending ? -order : order;
				});
			}
			body.innerHTML = '';
			sorted.forEach(function (row) {
				var tr = el('tr', { 'class': bestKey(row) ? 'best' : '' });
				columns.forEach(function (column) {
					var value = column.value(row);
					var td = el('td', { 'class': (column.text ? 'text ' : '') + (column.cls ? column.cls(row) : ''),
						text: typeof value === 'number' ? fmt(value, column.digits) : (value === null ? '' : String(value)) });
					tr.appendChild(td);
				});
				body.appendChild(tr);
			});
		}
		table.appendChild(el('thead', {}, [head]));
		table.appendChild(body);
		container.appendChild(el('div', { 'class': 'table-wrap' }, [table]));
		draw();
	}

	function tune() {
		var trials = data.trials;
		var best = trials.filter(function (t) {
			return t.number === data.best;
		})[0];
		var scored = trials.filter(function (t) {
			return t.score !== null;
		});
		var stopped = trials.filter(function (t) {
			return t.status === 'stopped';
		}).length;
		var failed = trials.filter(function (t) {
			return t.status === 'failed';
		}).length;
		root.appendChild(el('div', { 'class': 'subtitle', text: data.model + ' on ' + data.dataset + ' \u00b7 ' + data.algo
			+ ' search' + (data.scheduler === 'asha' ? ' with ASHA early termination' : '') + ' \u00b7 '
			+ data.parallel + ' trial' + (data.parallel > 1 ? 's' : '') + ' at once, ' + data.threadsPerTrial
			+ ' thread' + (data.threadsPerTrial > 1 ? 's' : '') + ' each' }));
		var cards = el('div', { 'class': 'cards' });
		cards.appendChild(card('trials', String(trials.length), 'of ' + data.planned + ' planned'
			+ (data.earlyStopped ? ', early stop' : '') + (data.interrupted ? ', search ended by a signal' : '')
			+ '; ' + stopped + ' stopped, ' + failed + ' failed'));
		cards.appendChild(card('best valid ' + data.metric, best ? fmt(best.score) : '\u2013',
			best ? 'trial #' + best.number : 'no trial succeeded'));
		data.testKeys.filter(function (key) {
			return key === data.metric || /^ndcg@/.test(key);
		}).slice(0, 2).forEach(function (key) {
			cards.appendChild(card('its test ' + key, best ? fmt(best.test[key]) : '\u2013', 'best checkpoint'));
		});
		cards.appendChild(card('wall time', duration(data.seconds), 'whole search'));
		root.appendChild(cards);
		if (best) {
			var text = Object.keys(best.params).map(function (name) {
				return name + ': ' + best.display[name];
			}).join(', ');
			var p = panel('Best trial #' + best.number);
			p.body.appendChild(el('div', { 'class': 'best-params', text: text }));
		}
		curves(trials, best);
		byTrial(trials);
		scatters(scored, best);
		table(trials);
	}

	function curves(trials, best) {
		var p = panel('Validation ' + data.metric + ' by epoch, every trial',
			'Hover a curve to see its trial. The best trial is drawn thick.');
		var longest = trials.reduce(function (n, t) {
			return Math.max(n, t.curve.length);
		}, 0);
		var xs = [];
		for (var e = 0; e < longest; e++) {
			xs.push(e);
		}
		var ordered = trials.filter(function (t) {
			return t.curve.length > 0 && t !== best;
		});
		if (best) {
			ordered.push(best);
		}
		var series = [{ label: 'epoch' }];
		var columns = [xs];
		ordered.forEach(function (t) {
			var isBest = t === best;
			var evaluated = t.curve.filter(function (v) {
				return v !== null;
			}).length;
			var stroke = isBest ? COLORS.best : (t.status === 'stopped' ? COLORS.stoppedPoint : COLORS.finished);
			series.push({
				label: '#' + t.number,
				stroke: isBest ? COLORS.best : (t.status === 'stopped' ? COLORS.stopped : COLORS.finished),
				width: isBest ? 3 : 1,
				spanGaps: true,
				// a trial stopped after its first validation is a single point, not a line
				points: { show: evaluated < 2, size: 6, stroke: stroke, fill: stroke }
			});
			columns.push(xs.map(function (x) {
				return x < t.curve.length ? t.curve[x] : null;
			}));
		});
		var legend = el('div', { 'class': 'legend-inline' }, [
			el('span', {}, [el('i', { style: 'background:' + COLORS.best }), 'best trial']),
			el('span', {}, [el('i', { style: 'background:' + COLORS.finishedPoint }), 'finished']),
			el('span', {}, [el('i', { style: 'background:' + COLORS.stoppedPoint }), 'stopped early'])]);
		p.body.appendChild(legend);
		var holder = el('div');
		p.body.appendChild(holder);
		new uPlot({
			width: chartWidth(p.body),
			height: 360,
			legend: { show: false },
			cursor: { focus: { prox: 12 }, points: { show: false } },
			focus: { alpha: 0.25 },
			scales: { x: { time: false } },
			axes: [{ label: 'epoch', incrs: WHOLE }, { label: 'valid ' + data.metric, size: 60 }],
			series: series,
			hooks: {
				setSeries: [function (u, index) {
					if (index === null || index === undefined) {
						p.hint.textContent = 'Hover a curve to see its trial. The best trial is drawn thick.';
						return;
					}
					var t = ordered[index - 1];
					if (t) {
						p.hint.textContent = 'trial #' + t.number + ' (' + t.status + ', best ' + fmt(t.score) + '): '
							+ Object.keys(t.display).map(function (name) {
								return name + ' ' + t.display[name];
							}).join(', ');
					}
				}]
			},
			plugins: best ? [markerPlugin(best.bestEpoch, 'best epoch of #' + best.number)] : []
		}, columns, holder);
	}

	function byTrial(trials) {
		var p = panel('Best validation ' + data.metric + ' by trial', 'Trials in the order they were proposed; the line is the best so far.');
		var xs = trials.map(function (t) {
			return t.number;
		});
		var bestSoFar = [];
		var running = null;
		trials.forEach(function (t) {
			if (t.score !== null && (running === null || t.score > running)) {
				running = t.score;
			}
			bestSoFar.push(running);
		});
		function only(status) {
			return trials.map(function (t) {
				return t.status === status ? t.score : null;
			});
		}
		new uPlot({
			width: chartWidth(p.body),
			height: 260,
			legend: { live: false },
			scales: { x: { time: false } },
			axes: [{ label: 'trial', incrs: WHOLE }, { label: 'valid ' + data.metric, size: 60 }],
			series: [{ label: 'trial' },
				{ label: 'finished', stroke: COLORS.finishedPoint, fill: COLORS.finishedPoint, paths: function () {
					return null;
				}, points: { show: true, size: 7, fill: COLORS.finishedPoint } },
				{ label: 'stopped', stroke: COLORS.stoppedPoint, paths: function () {
					return null;
				}, points: { show: true, size: 7, fill: COLORS.stoppedPoint } },
				{ label: 'best so far', stroke: COLORS.best, width: 2, paths: uPlot.paths.stepped({ align: 1 }),
					points: { show: false } }]
		}, [xs, only('finished'), only('stopped'), bestSoFar], p.body);
	}

	function scatters(scored, best) {
		if (data.space.length === 0) {
			return;
		}
		var p = panel(data.metric + ' against each hyper-parameter',
			'One point per trial (choices spread a little sideways so that equal values do not hide each other).');
		var grid = el('div', { 'class': 'grid' });
		p.body.appendChild(grid);
		data.space.forEach(function (dim) {
			var cell = el('div');
			cell.appendChild(el('div', { 'class': 'chart-title', text: dim.name + ' (' + dim.type + ')' }));
			grid.appendChild(cell);
			var points = scored.map(function (t) {
				var x = t.coords[dim.name];
				if (dim.type === 'choice') {
					// a fixed spread from the trial number, so that the picture is the same every time
					x += ((t.number * 0.6180339887) % 1 - 0.5) * 0.35;
				}
				return { x: x, y: t.score, t: t };
			}).sort(function (a, b) {
				return a.x - b.x;
			});
			function ys(test) {
				return points.map(function (point) {
					return test(point.t) ? point.y : null;
				});
			}
			var xScale = { time: false };
			var xAxis = { label: dim.name };
			if (dim.type === 'choice') {
				xScale.range = [-0.5, dim.values.length - 0.5];
				xAxis.splits = function () {
					return dim.values.map(function (v, i) {
						return i;
					});
				};
				xAxis.values = function (u, splits) {
					return splits.map(function (i) {
						return dim.values[i];
					});
				};
			} else if (dim.type === 'loguniform') {
				xScale.distr = 3;
				xScale.log = 10;
				xAxis.values = logLabels;
				xAxis.grid = { filter: function (u, splits) {
					return splits.map(function (v) {
						var exponent = Math.log10(v);
						return Math.abs(exponent - Math.round(exponent)) < 1e-9 ? v : null;
					});
				} };
			}
			var noLine = function () {
				return null;
			};
			new uPlot({
				width: Math.max(300, cell.clientWidth || 360),
				height: 240,
				legend: { show: false },
				scales: { x: xScale },
				axes: [xAxis, { size: 55 }],
				series: [{ label: dim.name },
					{ label: 'finished', stroke: COLORS.finishedPoint, paths: noLine,
						points: { show: true, size: 7, fill: COLORS.finished } },
					{ label: 'stopped', stroke: COLORS.stoppedPoint, paths: noLine,
						points: { show: true, size: 7, fill: COLORS.stopped } },
					{ label: 'best', stroke: COLORS.best, paths: noLine, points: { show: true, size: 11, fill: COLORS.best } }]
			}, [points.map(function (point) {
				return point.x;
			}), ys(function (t) {
				return t.status === 'finished' && t !== best;
			}), ys(function (t) {
				return t.status === 'stopped' && t !== best;
			}), ys(function (t) {
				return t === best;
			})], cell);
		});
	}

	function table(trials) {
		var p = panel('Trials', 'Click a column to sort.');
		var columns = [{ label: '#', value: function (t) {
			return t.number;
		}, digits: 0 }, { label: 'status', text: true, value: function (t) {
			return t.status;
		}, cls: function (t) {
			return 'status-' + t.status;
		} }];
		data.space.forEach(function (dim) {
			columns.push({ label: dim.name, text: dim.type === 'choice', value: function (t) {
				return dim.type === 'choice' ? t.display[dim.name] : shortNumber(t.params[dim.name]);
			}, sort: function (t) {
				return t.coords[dim.name];
			} });
		});
		columns.push({ label: 'valid ' + data.metric, descendingFirst: true, value: function (t) {
			return t.score;
		} });
		data.testKeys.forEach(function (key) {
			columns.push({ label: 'test ' + key, descendingFirst: true, value: function (t) {
				return t.test[key] === undefined ? null : t.test[key];
			} });
		});
		columns.push({ label: 'epochs', value: function (t) {
			return t.epochs;
		}, digits: 0 });
		columns.push({ label: 'seconds', value: function (t) {
			return t.seconds;
		}, digits: 1 });
		columns.push({ label: 'note', text: true, value: function (t) {
			return t.error || '';
		} });
		sortableTable(p.body, columns, trials, function (t) {
			return t.number === data.best;
		});
	}

	function run() {
		root.appendChild(el('div', { 'class': 'subtitle', text: data.model + ' on ' + data.dataset
			+ ' \u00b7 best epoch ' + data.bestEpoch + ' of ' + data.epochs.length }));
		var cards = el('div', { 'class': 'cards' });
		cards.appendChild(card('best valid ' + data.metric, fmt(data.bestValid[data.metric]), 'epoch ' + data.bestEpoch));
		Object.keys(data.test).filter(function (key) {
			return key === data.metric || /^ndcg@/.test(key) || /^recall@/.test(key);
		}).slice(0, 3).forEach(function (key) {
			cards.appendChild(card('test ' + key, fmt(data.test[key]), 'best checkpoint'));
		});
		Object.keys(data.facts).forEach(function (key) {
			cards.appendChild(card(key, String(data.facts[key]), ''));
		});
		root.appendChild(cards);
		var marker = markerPlugin(data.bestEpoch, 'best epoch ' + data.bestEpoch);
		var loss = panel('Training loss by epoch', 'Sum of the batch losses of each epoch, as RecBole logs it.');
		new uPlot({
			width: chartWidth(loss.body),
			height: 260,
			scales: { x: { time: false } },
			axes: [{ label: 'epoch', incrs: WHOLE }, { label: 'train loss', size: 70 }],
			legend: { live: false },
			series: [{ label: 'epoch' }, { label: 'train loss', stroke: PALETTE[0], width: 2 }],
			plugins: [marker]
		}, [data.epochs, data.loss], loss.body);
		var keys = Object.keys(data.valid);
		if (keys.length > 0) {
			var valid = panel('Validation metrics by epoch', 'Every metric of the validation result; the model kept is the one of the best epoch.');
			new uPlot({
				width: chartWidth(valid.body),
				height: 320,
				scales: { x: { time: false } },
				axes: [{ label: 'epoch', incrs: WHOLE }, { label: 'validation', size: 60 }],
				legend: { live: false },
				series: [{ label: 'epoch' }].concat(keys.map(function (key, i) {
					return { label: key, stroke: PALETTE[i % PALETTE.length], width: key === data.metric ? 3 : 1.5,
						spanGaps: true };
				})),
				plugins: [marker]
			}, [data.epochs].concat(keys.map(function (key) {
				return data.valid[key];
			})), valid.body);
		}
		var results = panel('Results of the best checkpoint');
		var rows = Object.keys(data.test).map(function (key) {
			return { metric: key, valid: data.bestValid[key], test: data.test[key] };
		});
		sortableTable(results.body, [{ label: 'metric', text: true, value: function (r) {
			return r.metric;
		} }, { label: 'best valid', descendingFirst: true, value: function (r) {
			return r.valid === undefined ? null : r.valid;
		} }, { label: 'test', descendingFirst: true, value: function (r) {
			return r.test;
		} }], rows, function (r) {
			return r.metric === data.metric;
		});
	}

	if (data.kind === 'tune') {
		tune();
	} else {
		run();
	}
}());
