/**
 * The layers part of an export report (#11): which choice of layers the export used, how many
 * documents each layer gave, and the documents left out because that choice has nothing for them
 * (several annotators and no curated layer under the default), each with why. Display only.
 */
import type { ExportReport } from '../../shared/formats/report';
import { bump, counter } from '../../shared/model/keys';
import { CURATED_LAYER } from '../../shared/model/layers';
import { formatCount, formatQuantity } from '../util/format';
import { layerChoiceName } from './export-options';

/** Documents per layer, the layers in name order with the curated one and "(none)" last. */
function documentsPerLayer(report: ExportReport): [string, number][] {
  const counts = counter();
  for (const layers of Object.values(report.documentLayers)) for (const layer of new Set(layers)) bump(counts, layer);
  const rank = (name: string) => (name === CURATED_LAYER ? 1 : name.startsWith('(') ? 2 : 0);
  return Object.entries(counts).sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Renders the section "Layers". */
export function ExportLayersView({ report }: Readonly<{ report: ExportReport }>) {
  const perLayer = documentsPerLayer(report);
  const skipped = report.skipped;
  return (
    <section className="cd-export-section" aria-label="Layers">
      <h3 className="cd-export-subtitle">Layers: {layerChoiceName(report.layer)}</h3>
      {perLayer.length === 0 ? (
        <p className="cd-export-none">No document is exported.</p>
      ) : (
        <ul className="cd-export-layers" aria-label="Documents per layer">
          {perLayer.map(([layer, n]) => (
            <li key={layer}>
              <span className="cd-export-layer-name">{layer === CURATED_LAYER ? 'curated' : layer}</span>
              <span className="cd-export-num">{formatQuantity(n, 'document')}</span>
            </li>
          ))}
        </ul>
      )}
      {skipped.length > 0 && (
        <>
          <h4 className="cd-export-subtitle cd-export-skipped-title">
            Skipped
            <span className="cd-export-count cd-export-count--warn">{formatCount(skipped.length)}</span>
          </h4>
          <ul className="cd-export-problems" aria-label="Skipped documents">
            {skipped.map((s) => (
              <li key={s.docId} className="cd-export-problem">
                <span className="cd-export-problem-where">
                  <span className="cd-ellipsis">{s.title}</span>
                </span>
                <span className="cd-export-problem-what">{s.reason}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
