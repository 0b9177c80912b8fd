/**
 * Inter-annotator agreement (#11): `computeAgreement` over documents with one layer per
 * annotator, and `formatAgreement` to write the report as Markdown, CSV or JSON. Pure. The
 * measures and their formulas: shared/agreement/README.md.
 */
export { computeAgreement } from './report';
export { formatAgreement, type AgreementFormat } from './format';
export type {
  AgreementDocument,
  AgreementOptions,
  AgreementReport,
  AttributeFigures,
  DocumentAgreement,
  Figure,
  LabelFigures,
  LayerContent,
  OverallFigures,
  PairAgreement,
  PairFigures,
  RelationFigures,
} from './types';
