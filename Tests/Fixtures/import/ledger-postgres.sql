/* An advanced PostgreSQL schema: enums, domains, two schemas, quoted names, composite keys,
   partitions, a dollar-quoted function, and decoy DDL in comments:
   CREATE TABLE decoy_in_block_comment (id int); /* nested: CREATE TABLE nested_decoy (x int); */
*/
CREATE TYPE public.entry_kind AS ENUM ('debit', 'credit');
CREATE DOMAIN public.money_amount AS numeric(18, 4) CHECK (VALUE > -1e15);
CREATE DOMAIN email_address AS citext;
-- CREATE TABLE decoy_in_line_comment (id int);

CREATE TABLE public.accounts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    owner_email email_address NOT NULL UNIQUE,
    "display name" text,
    opened_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit."Change Log" (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id uuid REFERENCES public.accounts,
    note text DEFAULT 'CREATE TABLE decoy_in_string (id int);',
    changed_at timestamptz
);

CREATE TABLE public."price-tier" (
    currency char(3) NOT NULL,
    tier smallint NOT NULL,
    rate public.money_amount NOT NULL,
    PRIMARY KEY (currency, tier)
);

CREATE TABLE public.entries (
    account_id uuid NOT NULL REFERENCES public.accounts (id),
    posted_on date NOT NULL,
    seq integer NOT NULL,
    kind public.entry_kind NOT NULL,
    amount public.money_amount NOT NULL,
    amount_cents bigint GENERATED ALWAYS AS ((amount * 100)::bigint) STORED,
    currency char(3),
    tier smallint,
    PRIMARY KEY (account_id, posted_on, seq),
    FOREIGN KEY (currency, tier) REFERENCES public."price-tier" (currency, tier)
) PARTITION BY RANGE (posted_on);

CREATE TABLE public.entries_2026 PARTITION OF public.entries FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');

CREATE FUNCTION public.balance(acct uuid) RETURNS numeric
    LANGUAGE plpgsql AS $fn$
BEGIN
    -- semicolons; and DDL inside the body: CREATE TABLE decoy_in_function (id int);
    RETURN (SELECT sum(amount) FROM public.entries WHERE account_id = acct);
END;
$fn$;

CREATE MATERIALIZED VIEW public.balances AS SELECT account_id, sum(amount) FROM public.entries GROUP BY 1;
CREATE UNIQUE INDEX accounts_lower_email ON public.accounts (lower(owner_email::text));
CREATE INDEX entries_kind_idx ON public.entries (kind);
