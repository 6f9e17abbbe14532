import { useResults } from '../app/context.tsx';

/** The engine crashed: said as what it is, with the reassurance that the inputs are untouched. */
export function EngineFailure() {
  const failure = useResults((state) => state.engineFailure);
  if (!failure) return null;
  return (
    <p className="field-problem engine-failure" role="alert">
      The calculation engine stopped ({failure}). Your inputs are kept as they are; it has been restarted and
      will compute again at your next edit. The results shown are from before.
    </p>
  );
}
