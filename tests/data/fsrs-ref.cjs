// fsrs-ref.cjs: makes tests/data/fsrs.table from the FSRS-6 reference
// vectors, replaying each through the npm package ts-fsrs 5.4.2 first so
// that the table provably is that package's output, and adding intervals
// the package computes.  Run it again to regenerate the table:
//   npm install --prefix /tmp/ts-fsrs ts-fsrs@5.4.2
//   NODE_PATH=/tmp/ts-fsrs/node_modules node tests/data/fsrs-ref.cjs \
//       ../shared/sim/testdata/vectors.json > tests/data/fsrs.table
'use strict';
const fs = require('fs');
const { fsrs, forgetting_curve, default_w, FSRSVersion } = require('ts-fsrs');

if (!FSRSVersion.startsWith('v5.4.2 '))
	throw new Error(`ts-fsrs ${FSRSVersion}, want 5.4.2`);
const vectors = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
// The defaults: FSRS-6 weights, short-term updates on, no fuzz.
const model = fsrs({ enable_fuzz: false });
const out = [];

out.push('# FSRS-6 reference table, made by tests/data/fsrs-ref.cjs from the');
out.push('# outputs of ts-fsrs 5.4.2 (default weights, short-term updates, no fuzz).');
out.push('# seq: one card\'s ratings, each elapsed:rating:D:S, where elapsed is the');
out.push('#   whole days since the previous rating (0 on the same day, and for the');
out.push('#   first), rating is 1 Again, 2 Hard, 3 Good, 4 Easy, and D and S are');
out.push('#   the difficulty and stability after it.');
out.push('# curve t S R: predicted recall R after t days at stability S.');
out.push('# interval S retention days: the days until R falls to retention.');
out.push('# Numbers are the shortest text of the package\'s doubles: compare exactly.');

for (const seq of vectors.fsrs_seq) {
	let state = null;
	for (const [t, g, d, s] of seq) {
		state = model.next_state(state, t, g);
		if (state.difficulty !== d || state.stability !== s)
			throw new Error(`${JSON.stringify(seq)}: got ` +
			    `${state.difficulty} ${state.stability}`);
	}
	out.push('seq ' + seq.map((step) => step.join(':')).join(' '));
}

for (const [t, s, r] of vectors.fsrs_curve) {
	if (forgetting_curve(default_w, t, s) !== r)
		throw new Error(`curve ${t} ${s}: want ${r}`);
	out.push(`curve ${t} ${s} ${r}`);
}

// The edges of the clamp and every tenth sequence's final stability.
const stabilities = [0.001, 0.1, 0.212, 0.5, 1, 1.2931, 2.3065, 8.2956,
	12.5, 100, 1000, 20000, 36500];
vectors.fsrs_seq.forEach((seq, k) => {
	if (k % 10 === 0)
		stabilities.push(seq[seq.length - 1][3]);
});
for (const retention of [0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99]) {
	const m = fsrs({ enable_fuzz: false, request_retention: retention });
	for (const s of stabilities)
		out.push(`interval ${s} ${retention} ${m.next_interval(s, 0)}`);
}

process.stdout.write(out.join('\n') + '\n');
