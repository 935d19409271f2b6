import { Route, Routes, useParams } from 'react-router';
import { json, renderPage } from '../../test/render';
import IntakePage from '../pages/IntakePage';

function CaseStub() {
  const { id } = useParams();
  return <p data-testid="case-page">case {id}</p>;
}

/** The intake page at /cases/new, with a stand-in for the case page it leads to. */
export function renderIntake() {
  return renderPage(
    <Routes>
      <Route path="/cases/new" element={<IntakePage />} />
      <Route path="/cases/:id" element={<CaseStub />} />
    </Routes>,
    '/cases/new',
  );
}

export const NATIONALITIES = [
  { code: 'PHL', alpha2: 'PH', name: 'Philippines' },
  { code: 'THA', alpha2: 'TH', name: 'Thailand' },
  { code: 'XXX', alpha2: null, name: 'Unspecified' },
];

/** Reference data every intake asks for; `undefined` for any other route. */
export function referenceAnswer(request: Request): Response | undefined {
  const path = new URL(request.url).pathname;
  if (path === '/api/v1/nationalities') return json(200, NATIONALITIES);
  if (path === '/api/v1/compounds') return json(200, { items: [], nextCursor: null });
  return undefined;
}

export const EXISTING = {
  id: '6f1c7a52-0000-4000-8000-000000000001',
  caseNumber: '2023-000271',
  givenName: 'Analyn',
  familyName: 'Reyes',
  nameNative: null,
  dateOfBirth: null,
  nationalities: [{ code: 'PHL', verified: false }],
};

export function personView(id: string, caseNumber: string) {
  return {
    id,
    caseNumber,
    status: 'identified',
    version: 1,
    erased: false,
    consents: { services: false, consularNotification: false, shareWithPartners: false, research: false },
  };
}
