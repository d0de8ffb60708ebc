// Runs the FaceBoxes tfjs graph (assets/faceboxes) on PNG images with the
// pure-JavaScript CPU backend and prints, per image, the raw prediction
// heads' shapes and checksums and every anchor's decoded box and face
// probability above a threshold: the reference redact/face's port is
// compared with (see README.md beside this file).
//
// usage: node ref.js MODEL_DIR MIN_SCORE IMAGE.png...   (prints JSON lines)
'use strict';
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const { PNG } = require('pngjs');

async function load(dir) {
  const j = JSON.parse(fs.readFileSync(path.join(dir, 'faceboxes.json')));
  const bin = fs.readFileSync(path.join(dir, 'faceboxes.bin'));
  const handler = { load: async () => ({
    modelTopology: j.modelTopology, format: j.format, generatedBy: j.generatedBy,
    convertedBy: j.convertedBy, signature: j.signature,
    weightSpecs: j.weightsManifest[0].weights,
    weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.length),
  }) };
  return tf.loadGraphModel(handler);
}

function readPNG(file) {
  const png = PNG.sync.read(fs.readFileSync(file));
  const rgb = new Int32Array(png.width * png.height * 3);
  for (let i = 0; i < png.width * png.height; i++) {
    for (let c = 0; c < 3; c++) rgb[3 * i + c] = png.data[4 * i + c];
  }
  return tf.tensor4d(rgb, [1, png.height, png.width, 3], 'int32');
}

const heads = [0, 1, 2].flatMap(i => [
  `prediction_layers/class_predictor_${i}/BiasAdd`,
  `prediction_layers/box_encoding_predictor_${i}/BiasAdd`]);

async function main() {
  await tf.setBackend('cpu');
  const [dir, minScore, ...files] = process.argv.slice(2);
  const model = await load(dir);
  for (const file of files) {
    const x = readPNG(file);
    const [h, w] = x.shape.slice(1, 3);
    const outs = await model.executeAsync(x, [...heads, 'postprocessing/clip_by_value_1', 'postprocessing/Softmax']);
    const headInfo = outs.slice(0, 6).map((t, i) => {
      const d = t.dataSync();
      let sum = 0, abs = 0;
      for (const v of d) { sum += v; abs += Math.abs(v); }
      return { name: heads[i], shape: t.shape, sum, abs, first: Array.from(d.slice(0, 8)) };
    });
    const boxes = outs[6].dataSync(), prob = outs[7].dataSync();
    const found = [];
    for (let a = 0; a < prob.length / 2; a++) {
      const s = prob[2 * a + 1];
      if (s < Number(minScore)) continue;
      const [y0, x0, y1, x1] = boxes.slice(4 * a, 4 * a + 4);
      found.push({ anchor: a, score: s, x0: x0 * w, y0: y0 * h, x1: x1 * w, y1: y1 * h });
    }
    console.log(JSON.stringify({ file: path.basename(file), width: w, height: h, heads: headInfo, boxes: found }));
    tf.dispose([x, ...outs]);
  }
}
main().catch(e => { console.error(e); process.exit(1); });
