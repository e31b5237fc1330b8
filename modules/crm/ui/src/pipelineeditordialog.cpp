#include "kasp/crm/ui/pipelineeditordialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace kasp::crm::ui {

namespace {
enum Column { TitleColumn, ShownColumn, KindColumn, Columns };
}

PipelineEditorDialog::PipelineEditorDialog(DealService &service, QWidget *parent)
    : QDialog(parent), m_service(service), m_table(new QTableWidget(0, Columns)),
      m_add(new QPushButton(tr("Add stage"))), m_up(new QPushButton(tr("Up"))),
      m_down(new QPushButton(tr("Down"))),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel))
{
    setWindowTitle(tr("Sales pipeline stages"));
    auto *hint = new QLabel(tr("Deals move through these stages left to right on the board. Rename a stage "
                               "by editing its title; a hidden stage takes no new deals but keeps the ones "
                               "it has. \"Stayed\" and \"Lost\" close a deal and are always last."));
    hint->setWordWrap(true);
    m_table->setHorizontalHeaderLabels({tr("Stage"), tr("Shown"), tr("Kind")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_add->setToolTip(tr("A stage of your own, before the closing stages"));
    m_up->setToolTip(tr("Earlier in the pipeline"));
    m_down->setToolTip(tr("Later in the pipeline"));
    connect(m_add, &QPushButton::clicked, this, &PipelineEditorDialog::addStage);
    connect(m_up, &QPushButton::clicked, this, [this] { moveRow(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveRow(1); });
    connect(m_table, &QTableWidget::currentCellChanged, this, &PipelineEditorDialog::updateButtons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PipelineEditorDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PipelineEditorDialog::reject);

    auto *side = new QVBoxLayout;
    side->addWidget(m_add);
    side->addWidget(m_up);
    side->addWidget(m_down);
    side->addStretch(1);
    auto *middle = new QHBoxLayout;
    middle->addWidget(m_table, 1);
    middle->addLayout(side);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addLayout(middle, 1);
    layout->addWidget(m_buttons);

    auto pipeline = m_service.pipeline();
    if (pipeline.ok())
        fill(pipeline.value());
    else
        hint->setText(pipeline.error().message);
    m_table->resizeColumnToContents(ShownColumn);
    m_table->resizeColumnToContents(KindColumn);
    resize(560, 460);
    updateButtons();
}

void PipelineEditorDialog::fill(const DealPipeline &pipeline)
{
    for (const DealStageDef &stage : pipeline.stages())
        addRow(stage, pipeline.title(stage.key));
}

void PipelineEditorDialog::addRow(const DealStageDef &stage, const QString &shownTitle)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_stages.insert(row, stage);
    auto *title = new QTableWidgetItem(shownTitle);
    title->setToolTip(tr("Key: %1").arg(stage.key));
    auto *shown = new QTableWidgetItem;
    shown->setFlags(Qt::ItemIsUserCheckable |
                    (isClosedStage(stage.key) ? Qt::NoItemFlags : Qt::ItemIsEnabled));
    shown->setCheckState(stage.active ? Qt::Checked : Qt::Unchecked);
    const StageOutcome outcome = stageOutcome(stage.key);
    auto *kind = new QTableWidgetItem(outcome == StageOutcome::Won             ? tr("won, closes the deal")
                                      : outcome == StageOutcome::Lost          ? tr("lost, closes the deal")
                                      : builtinStageTitle(stage.key).isEmpty() ? tr("your own")
                                                                               : tr("built-in"));
    kind->setFlags(Qt::ItemIsEnabled);
    m_table->setItem(row, TitleColumn, title);
    m_table->setItem(row, ShownColumn, shown);
    m_table->setItem(row, KindColumn, kind);
}

// New stages go before the closing ones.
void PipelineEditorDialog::addStage()
{
    QStringList keys;
    for (const DealStageDef &s : m_stages)
        keys.append(s.key);
    int at = 0;
    while (at < m_stages.size() && !isClosedStage(m_stages.at(at).key))
        ++at;
    const QString title = tr("New stage");
    DealStageDef stage{Id(), DealService::keyForTitle(QStringLiteral("stage"), keys), QString(), 0, true};
    // Appended, then moved up into place so the rows and m_stages stay in step.
    addRow(stage, title);
    for (int row = m_table->rowCount() - 1; row > at; --row) {
        m_table->selectRow(row);
        m_table->setCurrentCell(row, TitleColumn);
        moveRow(-1);
    }
    m_table->setCurrentCell(at, TitleColumn);
    m_table->editItem(m_table->item(at, TitleColumn));
}

void PipelineEditorDialog::moveRow(int step)
{
    const int row = m_table->currentRow();
    const int target = row + step;
    if (row < 0 || target < 0 || target >= m_table->rowCount())
        return;
    // The open stages reorder among themselves; the closing ends keep their places.
    const bool newStage = m_stages.at(row).id.isNull() && builtinStageTitle(m_stages.at(row).key).isEmpty();
    if ((isClosedStage(m_stages.at(row).key) || isClosedStage(m_stages.at(target).key)) && !newStage)
        return;
    for (int c = 0; c < Columns; ++c) {
        QTableWidgetItem *a = m_table->takeItem(row, c);
        QTableWidgetItem *b = m_table->takeItem(target, c);
        m_table->setItem(row, c, b);
        m_table->setItem(target, c, a);
    }
    m_stages.swapItemsAt(row, target);
    m_table->setCurrentCell(target, m_table->currentColumn() < 0 ? 0 : m_table->currentColumn());
    updateButtons();
}

void PipelineEditorDialog::updateButtons()
{
    const int row = m_table->currentRow();
    const bool open = row >= 0 && row < m_stages.size() && !isClosedStage(m_stages.at(row).key);
    m_up->setEnabled(open && row > 0);
    m_down->setEnabled(open && row + 1 < m_stages.size() && !isClosedStage(m_stages.at(row + 1).key));
}

QList<DealStageDef> PipelineEditorDialog::editedStages() const
{
    QList<DealStageDef> out;
    QStringList keys;
    for (const DealStageDef &s : m_stages)
        keys.append(s.key);
    for (int row = 0; row < m_table->rowCount(); ++row) {
        DealStageDef stage = m_stages.at(row);
        const QString title = m_table->item(row, TitleColumn)->text().trimmed();
        // A built-in stage whose title is left as built: stored without one, so it follows the
        // language of whoever reads it.
        stage.title = title == builtinStageTitle(stage.key) ? QString() : title;
        stage.active = m_table->item(row, ShownColumn)->checkState() == Qt::Checked;
        if (stage.id.isNull() && builtinStageTitle(stage.key).isEmpty() && !title.isEmpty()) {
            keys.removeAll(stage.key);
            stage.key = DealService::keyForTitle(title, keys);
            keys.append(stage.key);
        }
        out.append(stage);
    }
    return out;
}

bool PipelineEditorDialog::save()
{
    if (auto s = m_service.savePipeline(editedStages()); !s.ok()) {
        QMessageBox::warning(this, windowTitle(), s.error().message);
        return false;
    }
    return true;
}

void PipelineEditorDialog::accept()
{
    if (save())
        QDialog::accept();
}

} // namespace kasp::crm::ui
