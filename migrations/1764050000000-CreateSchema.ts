import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole domain model of DESIGN.md §2. Enumerations are CHECK constraints spelled out here on
 * purpose: a landed migration must not change when application constants do.
 */
export class CreateSchema1764050000000 implements MigrationInterface {
  name = 'CreateSchema1764050000000';

  public async up(q: QueryRunner): Promise<void> {
    // Timestamps are timestamptz(3): millisecond precision, exactly what a JavaScript Date holds, so a
    // keyset cursor built from a row's timestamp matches that row again (microseconds would be lost).
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);

    // Case- and accent-folding usable in indexes (unaccent itself is only STABLE).
    await q.query(`
      CREATE FUNCTION sr_fold(value text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, normalize(value, NFC))) $$`);
    await q.query(`
      CREATE FUNCTION sr_person_search_text(given text, family text, native text, aliases text[]) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT sr_fold(concat_ws(' ', given, family, native, array_to_string(aliases, ' '))) $$`);
    await q.query(`
      CREATE FUNCTION sr_compound_search_text(name text, aliases text[]) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT sr_fold(concat_ws(' ', name, array_to_string(aliases, ' '))) $$`);

    await q.query(`
      CREATE TABLE nationalities (
        code char(3) PRIMARY KEY CHECK (code ~ '^[A-Z]{3}$'),
        alpha2 char(2) UNIQUE CHECK (alpha2 ~ '^[A-Z]{2}$'),
        name text NOT NULL
      )`);

    // ---- users and sign-in -------------------------------------------------------------------
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin','supervisor','caseworker','consular','analyst','donor')),
        disabled boolean NOT NULL DEFAULT false,
        mfa_secret_enc text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email))`);
    await q.query(`CREATE INDEX users_created_at_idx ON users (created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE user_nationalities (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        nationality_code char(3) NOT NULL REFERENCES nationalities(code),
        PRIMARY KEY (user_id, nationality_code)
      )`);
    // Failed sign-ins are counted per email, existing or not, so a lock never tells whether an account exists.
    await q.query(`
      CREATE TABLE login_failures (
        email_key text PRIMARY KEY,
        failures integer NOT NULL CHECK (failures >= 0),
        window_started_at timestamptz(3) NOT NULL,
        locked_until timestamptz(3)
      )`);
    await q.query(`
      CREATE TABLE auth_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        expires_at timestamptz(3) NOT NULL,
        revoked_at timestamptz(3),
        revoked_reason text CHECK (revoked_reason IN ('logout','refresh_token_reuse','admin'))
      )`);
    await q.query(`CREATE INDEX auth_sessions_user_idx ON auth_sessions (user_id)`);
    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES auth_sessions(id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        spent_at timestamptz(3)
      )`);
    await q.query(`CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id)`);

    // ---- reference data ------------------------------------------------------------------------
    await q.query(`
      CREATE TABLE compounds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        aliases text[] NOT NULL DEFAULT '{}',
        country_code char(3) NOT NULL REFERENCES nationalities(code),
        region text,
        town text,
        latitude numeric(9,6) CHECK (latitude BETWEEN -90 AND 90),
        longitude numeric(9,6) CHECK (longitude BETWEEN -180 AND 180),
        controlled_by text,
        status text NOT NULL CHECK (status IN ('active','raided','closed','unknown')),
        first_reported_on date,
        last_reported_on date,
        notes text,
        search_text text GENERATED ALWAYS AS (sr_compound_search_text(name, aliases)) STORED,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (first_reported_on IS NULL OR last_reported_on IS NULL OR first_reported_on <= last_reported_on)
      )`);
    await q.query(`CREATE INDEX compounds_search_trgm ON compounds USING gin (search_text gin_trgm_ops)`);
    await q.query(`CREATE INDEX compounds_country_status_idx ON compounds (country_code, status)`);

    await q.query(`
      CREATE TABLE consular_contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        country_code char(3) NOT NULL REFERENCES nationalities(code),
        mission text NOT NULL,
        city text,
        name text NOT NULL,
        title text,
        phone text,
        email text,
        languages text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        accredited_from char(3) REFERENCES nationalities(code),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX consular_contacts_country_idx ON consular_contacts (country_code, id)`);

    // ---- people ------------------------------------------------------------------------------
    await q.query(`
      CREATE TABLE case_number_counters (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 9999),
        last_value integer NOT NULL CHECK (last_value >= 0)
      )`);
    const statuses = `'identified','screening','presumed_victim','not_victim','protection_claim','consular_notified',
      'identity_verified','documents_issued','exit_cleared','movement_scheduled','departed','received_home',
      'reintegration_followup','closed','withdrawn','on_hold'`;
    await q.query(`
      CREATE TABLE people (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_number text NOT NULL UNIQUE CHECK (case_number ~ '^[0-9]{4}-[0-9]{6,}$'),
        given_name text,
        family_name text,
        name_native text,
        aliases text[] NOT NULL DEFAULT '{}',
        sex text NOT NULL CHECK (sex IN ('female','male','other','unknown')),
        date_of_birth date,
        estimated_age smallint CHECK (estimated_age BETWEEN 0 AND 120),
        age_band_at_erasure text CHECK (age_band_at_erasure IN ('0-17','18-24','25-34','35-44','45-59','60+','unknown')),
        languages text[] NOT NULL DEFAULT '{}',
        compound_id uuid REFERENCES compounds(id),
        recruited_via text CHECK (recruited_via IN
          ('facebook','telegram','wechat','line','tiktok','whatsapp','job_site','person','other')),
        trafficked_at timestamptz(3),
        rescued_at timestamptz(3) NOT NULL,
        rescue_place text,
        vulnerabilities text[] NOT NULL DEFAULT '{}' CHECK (vulnerabilities <@
          ARRAY['minor','medical','injured','pregnant','disability','psychological_distress']::text[]),
        status text NOT NULL DEFAULT 'identified' CHECK (status IN (${statuses})),
        hold_return_status text CHECK (hold_return_status IN (${statuses})),
        closed_reason text CHECK (closed_reason IN
          ('reintegrated','lost_contact','declined','transferred','deceased','not_victim')),
        assigned_caseworker_id uuid REFERENCES users(id),
        document_number_enc text,
        document_number_bidx text,
        narrative_enc text,
        name_key text,
        search_names text GENERATED ALWAYS AS (sr_person_search_text(given_name, family_name, name_native, aliases)) STORED,
        departed_at timestamptz(3),
        received_home_at timestamptz(3),
        closed_at timestamptz(3),
        erased_at timestamptz(3),
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK (date_of_birth IS NULL OR estimated_age IS NULL),
        CHECK ((status = 'on_hold') = (hold_return_status IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX people_created_idx ON people (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX people_status_created_idx ON people (status, created_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX people_compound_created_idx ON people (compound_id, created_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX people_rescued_idx ON people (rescued_at)`);
    await q.query(`CREATE INDEX people_departed_idx ON people (departed_at) WHERE departed_at IS NOT NULL`);
    await q.query(`CREATE INDEX people_search_trgm ON people USING gin (search_names gin_trgm_ops)`);
    await q.query(`CREATE INDEX people_name_key_trgm ON people USING gin (name_key gin_trgm_ops)`);
    await q.query(
      `CREATE INDEX people_document_bidx ON people (document_number_bidx) WHERE document_number_bidx IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE person_nationalities (
        person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        nationality_code char(3) NOT NULL REFERENCES nationalities(code),
        verified boolean NOT NULL DEFAULT false,
        -- the person's list sort key, copied so that listing by nationality pages along one index
        person_created_at timestamptz(3) NOT NULL,
        PRIMARY KEY (person_id, nationality_code)
      )`);
    await q.query(`CREATE INDEX person_nationalities_code_idx
      ON person_nationalities (nationality_code, person_created_at DESC, person_id DESC)`);

    await q.query(`
      CREATE TABLE consents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN ('services','consular_notification','share_with_partners','research')),
        granted boolean NOT NULL,
        note text,
        recorded_by uuid REFERENCES users(id),
        recorded_at timestamptz(3) NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(
      `CREATE INDEX consents_current_idx ON consents (person_id, type, recorded_at DESC, id DESC)`,
    );

    // Status changes and field changes in one stream, so a person's history pages by one key.
    await q.query(`
      CREATE TABLE person_history (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('created','status_change','field_change','erased')),
        from_status text CHECK (from_status IN (${statuses})),
        to_status text CHECK (to_status IN (${statuses})),
        reason text,
        note text,
        fields text[] NOT NULL DEFAULT '{}',
        actor_id uuid REFERENCES users(id),
        at timestamptz(3) NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX person_history_person_idx ON person_history (person_id, at DESC, id DESC)`);

    // ---- handovers ---------------------------------------------------------------------------
    await q.query(`
      CREATE TABLE handover_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type text NOT NULL CHECK (type IN
          ('rescue','transfer','border_handover','repatriation_departure','arrival_home')),
        occurred_at timestamptz(3) NOT NULL,
        place text NOT NULL,
        country_code char(3) NOT NULL REFERENCES nationalities(code),
        from_party text NOT NULL,
        to_party text NOT NULL,
        consular_contact_id uuid REFERENCES consular_contacts(id),
        notes text,
        created_by uuid REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX handover_events_occurred_idx ON handover_events (occurred_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX handover_events_type_idx ON handover_events (type, occurred_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX handover_events_country_idx ON handover_events (country_code, occurred_at DESC, id DESC)`,
    );
    await q.query(`
      CREATE TABLE handover_people (
        handover_id uuid NOT NULL REFERENCES handover_events(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        outcome text NOT NULL DEFAULT 'handed_over' CHECK (outcome IN ('handed_over','absent','declined')),
        PRIMARY KEY (handover_id, person_id)
      )`);
    await q.query(`CREATE INDEX handover_people_person_idx ON handover_people (person_id)`);

    // ---- consular coordination ---------------------------------------------------------------
    await q.query(`
      CREATE TABLE consular_notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        country_code char(3) NOT NULL REFERENCES nationalities(code),
        contact_id uuid REFERENCES consular_contacts(id),
        channel text NOT NULL CHECK (channel IN ('email','phone','letter','in_person','portal')),
        notified_at timestamptz(3) NOT NULL,
        acknowledged_at timestamptz(3),
        acknowledged_by uuid REFERENCES users(id),
        acknowledgement_note text,
        identity_verified_at timestamptz(3),
        identity_verified_by uuid REFERENCES users(id),
        identity_verification_note text,
        travel_document_type text CHECK (travel_document_type IN
          ('passport','emergency_travel_document','certificate_of_identity')),
        travel_document_number_enc text,
        travel_document_number_bidx text,
        travel_document_expires_at date,
        travel_document_issued_at timestamptz(3),
        created_by uuid REFERENCES users(id),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX consular_notifications_person_idx ON consular_notifications (person_id, notified_at)`,
    );
    await q.query(
      `CREATE INDEX consular_notifications_country_idx ON consular_notifications (country_code, person_id)`,
    );

    // ---- idempotency -------------------------------------------------------------------------
    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        route text NOT NULL,
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
        request_hash text NOT NULL,
        state text NOT NULL CHECK (state IN ('in_flight','completed')),
        response_status integer,
        response_body jsonb,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, route, key)
      )`);
    await q.query(`CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at)`);

    // ---- audit -------------------------------------------------------------------------------
    await q.query(`
      CREATE TABLE audit_entries (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz(3) NOT NULL,
        actor_id uuid,
        actor_role text,
        action text NOT NULL,
        entity_type text,
        entity_id text,
        outcome text NOT NULL CHECK (outcome IN ('success','failure','denied')),
        ip text,
        request_id text,
        details jsonb NOT NULL DEFAULT '{}',
        prev_hash text NOT NULL,
        hash text NOT NULL
      )`);
    await q.query(`CREATE INDEX audit_entries_actor_idx ON audit_entries (actor_id, id DESC)`);
    await q.query(`CREATE INDEX audit_entries_entity_idx ON audit_entries (entity_type, entity_id, id DESC)`);
    await q.query(`CREATE INDEX audit_entries_action_idx ON audit_entries (action, id DESC)`);
    await q.query(`CREATE INDEX audit_entries_at_idx ON audit_entries (at)`);
    await q.query(`
      CREATE FUNCTION audit_entries_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entries is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
      FOR EACH ROW EXECUTE FUNCTION audit_entries_reject_change()`);
    await q.query(`
      CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
      FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_reject_change()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'audit_entries',
      'idempotency_keys',
      'consular_notifications',
      'handover_people',
      'handover_events',
      'person_history',
      'consents',
      'person_nationalities',
      'people',
      'case_number_counters',
      'consular_contacts',
      'compounds',
      'refresh_tokens',
      'auth_sessions',
      'login_failures',
      'user_nationalities',
      'users',
      'nationalities',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION audit_entries_reject_change()`);
    await q.query(`DROP FUNCTION sr_compound_search_text(text, text[])`);
    await q.query(`DROP FUNCTION sr_person_search_text(text, text, text, text[])`);
    await q.query(`DROP FUNCTION sr_fold(text)`);
  }
}
