import { useEditor, useWorkspace } from '../app/context.tsx';
import { BarsByYear } from '../components/charts/index.ts';
import { Fieldset, NumberField, useUnit } from '../components/controls.tsx';
import { SeriesGrid } from '../components/SeriesGrid.tsx';
import { getIn, parsePath } from '../lib/paths.ts';
import { storedToDecimal } from '../lib/decimalText.ts';
import { seriesByKey, YEARLY_SERIES } from '../model/series.ts';

export function MinePlanSection() {
  const editor = useEditor();
  return (
    <section aria-labelledby="mine-plan-heading" className="section">
      <h2 id="mine-plan-heading">Mine plan and prices</h2>
      <div className="grid-and-chart">
        <SeriesGrid caption="Mine plan, prices and capital by year" rows={YEARLY_SERIES} onRowFocus={(key) => editor.chartSeries(key)} />
        <SeriesChart />
      </div>
      <Fieldset legend="Production">
        <NumberField path="assumptions.production.productFactor" hint="Product units per unit of contained mineral" />
        <NumberField path="assumptions.production.payability" />
      </Fieldset>
      <Fieldset legend="Unit costs and working capital">
        <NumberField path="assumptions.costs.miningPerTonne" />
        <NumberField path="assumptions.costs.processingPerTonneOre" />
        <NumberField path="assumptions.costs.sellingPerUnit" />
        <NumberField path="assumptions.workingCapitalRate" />
      </Fieldset>
    </section>
  );
}

function SeriesChart() {
  const key = useWorkspace((state) => state.chartedSeries);
  const definition = seriesByKey(key);
  const keys = parsePath(definition.path);
  const values = useWorkspace((state) => getIn(state.project, keys));
  const startYear = useWorkspace((state) => state.project?.assumptions.startYear ?? 1);
  const locale = useWorkspace((state) => state.locale);
  const unit = useUnit(definition.unit);
  const list = Array.isArray(values) ? values : [];
  const numbers = list.map((value) => {
    const decimal = storedToDecimal(value);
    return decimal === null ? 0 : Number(decimal) * (definition.format === 'percent' ? 100 : 1);
  });
  const categories = list.map((_, index) => String(startYear + index));
  return (
    <figure className="series-chart">
      <figcaption>
        {definition.label} <span className="series-unit">{unit}</span>
      </figcaption>
      <BarsByYear title={`${definition.label} by year`} description={`${definition.label} (${unit}) for each year from ${categories[0] ?? ''} to ${categories[categories.length - 1] ?? ''}.`}
        years={categories} values={numbers} measure={{ kind: 'number', locale, unit: definition.format === 'percent' ? '%' : unit }} valueLabel={`${definition.label} (${unit})`} />
    </figure>
  );
}
