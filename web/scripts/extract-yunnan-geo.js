/**
 * Regenerates web/src/features/cockpit/yunnan.geo.json — the 16 州市 of Yunnan for the cockpit map — from the map data
 * that the echarts 4.9.0 npm package shipped (map/json/province/yunnan.json, Apache License 2.0; later echarts
 * releases no longer ship maps). That file is in ECharts' compact "UTF8Encoding" form; this decodes it to plain
 * GeoJSON (the decoding follows echarts 4.9.0 lib/coord/geo/parseGeoJson.js), keeps the GB/T 2260 code as the
 * feature id and the name, and rounds coordinates to 0.01° (about 1 km — a pixel or so on a phone-sized province map) and drops the points that
 * rounding left on a straight line, which keeps the file under 300 kB.
 *
 *   npm pack echarts@4.9.0 && tar xzf echarts-4.9.0.tgz
 *   node web/scripts/extract-yunnan-geo.js package/map/json/province/yunnan.json web/src/features/cockpit/yunnan.geo.json
 */
import { readFileSync, writeFileSync } from 'node:fs';

const [source, target] = process.argv.slice(2);
if (!source || !target) {
  console.error('usage: extract-yunnan-geo.js <echarts-4.9.0 yunnan.json> <output.geo.json>');
  process.exit(2);
}

const encoded = JSON.parse(readFileSync(source, 'utf8'));
const scale = encoded.UTF8Scale ?? 1024;
const round = (value) => Math.round(value * 100) / 100;

/** One ring: pairs of characters, zigzag- and delta-encoded integer coordinates from the ring's offset. */
function decodeRing(text, offsets) {
  let x = offsets[0];
  let y = offsets[1];
  const ring = [];
  for (let i = 0; i < text.length; i += 2) {
    let dx = text.charCodeAt(i) - 64;
    let dy = text.charCodeAt(i + 1) - 64;
    dx = (dx >> 1) ^ -(dx & 1);
    dy = (dy >> 1) ^ -(dy & 1);
    x += dx;
    y += dy;
    const point = [round(x / scale), round(y / scale)];
    const last = ring.at(-1);
    if (!last || last[0] !== point[0] || last[1] !== point[1]) ring.push(point);
  }
  return dropCollinear(ring);
}

/** Removes points lying on the straight line between their neighbours (same test on both sides of a shared border). */
function dropCollinear(ring) {
  if (ring.length <= 4) return ring;
  const kept = [ring[0]];
  for (let i = 1; i < ring.length - 1; i++) {
    const [a, b, c] = [kept.at(-1), ring[i], ring[i + 1]];
    const cross = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
    if (Math.abs(cross) > 1e-12) kept.push(b);
  }
  kept.push(ring.at(-1));
  return kept;
}

const features = encoded.features.map((feature) => {
  const { type, coordinates, encodeOffsets } = feature.geometry;
  const decoded =
    type === 'Polygon'
      ? coordinates.map((ring, r) => decodeRing(ring, encodeOffsets[r]))
      : coordinates
          .map((polygon, p) => polygon.map((ring, r) => decodeRing(ring, encodeOffsets[p][r])))
          // Slivers that rounding collapsed to a line are no longer polygons.
          .filter((polygon) => polygon[0].length >= 4);
  return {
    type: 'Feature',
    id: feature.id,
    properties: { name: feature.properties.name, adcode: feature.id, cp: feature.properties.cp },
    geometry: { type, coordinates: decoded },
  };
});

writeFileSync(target, `${JSON.stringify({ type: 'FeatureCollection', features })}\n`);
console.log(`${features.length} features → ${target}`);
